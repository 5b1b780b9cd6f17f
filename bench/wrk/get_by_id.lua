-- GET one endpoint by a random id among those listed in ids.txt (one id per line).
local ids = {}
for line in io.lines(os.getenv("SB_BENCH_IDS")) do ids[#ids + 1] = line end
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
-- Each wrk thread its own seed (set into it as the global `seed`), so the threads do not ask
-- for the same ids in the same order.
setup = function(thread)
  thread:set("seed", math.random(1, 1000000000))
end
init = function()
  math.randomseed(os.time() + seed)
end
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/relay/rest/endpoints/sip/" .. id, {["Authorization"] = auth})
end
