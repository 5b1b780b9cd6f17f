-- GET the path in SB_BENCH_PATH, authenticated.
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
local path = os.getenv("SB_BENCH_PATH")
request = function()
  return wrk.format("GET", path, {["Authorization"] = auth})
end
