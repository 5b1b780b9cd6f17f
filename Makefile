# switchboard: the two commands of the README, and the rest of the developer loop.
#   make serve   install dependencies, build, serve on ./var/switchboard.db
#   make sip-demo  the same, with Kamailio in front as the SIP registrar
#   make check   install dependencies, build with ASan+UBSan and with TSan, run every suite
#                under each (ctest)
#   make install [PREFIX=/usr/local]  the binary, a hardened systemd unit, docs
#   make bench | fuzz | tsan | format | clean

JOBS ?= $(shell nproc)
BUILD := build
CHECK_BUILD := build-check

.PHONY: all deps build serve sip-demo check test bench fuzz tsan install format clean

all: build

deps:
	@scripts/install-deps

# The contract tools (pinned in package-lock.json): Redocly's linter and Prism's validating proxy.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# The build folders and their options are CMake presets (CMakePresets.json).
$(BUILD)/build.ninja: | deps
	cmake --preset release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS) --target switchboard

serve: build
	@scripts/serve $(BUILD)/src/switchboard

sip-demo: build
	@scripts/sip-demo $(BUILD)/src/switchboard

$(CHECK_BUILD)/build.ninja: | deps
	cmake --preset check

# The test builds carry the sanitizers: every suite runs twice, once under AddressSanitizer and
# UBSan, once under ThreadSanitizer, and the servers the API tests spawn are sanitized the same
# way (a report fails the test that saw it).
check: deps node_modules/.package-lock.json $(CHECK_BUILD)/build.ninja
	cmake -S . -B $(CHECK_BUILD) > /dev/null
	cmake --build $(CHECK_BUILD) -j $(JOBS)
	scripts/run-tests $(CHECK_BUILD)
	$(MAKE) --no-print-directory tsan

test: check

# Benchmarks on a Release build (not timed tests): SIP REGISTER through Kamailio on each store,
# the HTTP scenarios with wrk, what PostgreSQL alone can do here (pgbench, the bound on GET by id
# on PostgreSQL), and instructions per request under callgrind. Results in bench/results/.
BENCH_BUILD := build-bench
bench: deps
	cmake --preset bench > /dev/null
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target switchboard sb_hot_paths_bench sb_load_endpoints
	$(BENCH_BUILD)/sb_hot_paths_bench --benchmark_out=bench/results/hot_paths.json \
	  --benchmark_out_format=json
	bench/http-bench $(BENCH_BUILD)/src/switchboard $(BENCH_BUILD)/sb_load_endpoints sqlite
	bench/http-bench $(BENCH_BUILD)/src/switchboard $(BENCH_BUILD)/sb_load_endpoints postgres
	bench/postgres-floor $(BENCH_BUILD)/src/switchboard $(BENCH_BUILD)/sb_load_endpoints \
	  | tee bench/results/postgres-floor.txt
	bench/register-bench $(BENCH_BUILD)/src/switchboard
	bench/instructions-per-request $(BENCH_BUILD)/src/switchboard $(BENCH_BUILD)/sb_load_endpoints \
	  | tee bench/results/instructions-sqlite.txt

# libFuzzer on every target (fuzz/) for FUZZ_SECONDS each, with clang-14, ASan and UBSan.
# `make check` replays the seed corpora with the ordinary build.
FUZZ_SECONDS ?= 60
fuzz: deps
	cmake --preset fuzz > /dev/null
	cmake --build build-fuzz -j $(JOBS) --target fuzzers
	scripts/run-fuzzers build-fuzz $(FUZZ_SECONDS)

# Every suite against a ThreadSanitizer build (part of `make check`).
tsan: deps node_modules/.package-lock.json
	cmake --preset tsan > /dev/null
	cmake --build build-tsan -j $(JOBS)
	scripts/run-tests build-tsan

# The binary, the systemd unit, the example settings and the docs under PREFIX (DESTDIR for
# staging): deploy/systemd/README.md.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(CHECK_BUILD) build-tsan build-fuzz build-bench
