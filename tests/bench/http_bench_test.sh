#!/usr/bin/env bash
# bench/http-bench end to end on a small dataset, so that the harness cannot rot between the
# benchmark runs: it loads 4,300 endpoints (enough for the filter's 10 matches), checks every
# read scenario's answer (http-bench refuses to measure otherwise), runs each scenario for a
# second (the reads twice), and writes its JSON, checked here: every scenario, every round,
# no error responses. Figures from a sanitizer build mean nothing and are not looked at.
#   http_bench_test.sh SWITCHBOARD_BINARY LOADER_BINARY
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/http-bench-test-XXXXXX")
trap 'rm -rf "$out"' EXIT
SB_BENCH_RESULTS="$out" "$root/bench/http-bench" "$1" "$2" sqlite 4300 1 2
python3 - "$out/http-sqlite.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
assert result["rounds"] == 2, result["rounds"]
(run,) = result["runs"]
assert run["endpoints"] == 4300 and run["peak_rss_kb"] > 0 and run["deep_page_depth"] == 85, run
names = [s["name"] for s in run["scenarios"]]
assert names == ["healthz", "get_by_id", "list_50", "filtered", "deep_page", "create", "put"], names
for s in run["scenarios"][1:]:
    rounds = 2 if s["name"] not in ("create", "put") else 1
    assert len(s["rounds"]) == rounds, (s["name"], len(s["rounds"]))
    assert s["non_2xx"] == 0, (s["name"], s["non_2xx"])
    assert s["rps"] > 0 and 0 < s["ratio_to_healthz"], s
    low, high = s["ratio_range"]
    assert low <= s["ratio_to_healthz"] <= high, s
print("http-bench: every scenario ran, with no error responses")
PY
