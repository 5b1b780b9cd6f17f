-- GET one endpoint by a random id among those listed in ids.txt (one id per line).
local ids = {}
for line in io.lines(os.getenv("SB_BENCH_IDS")) do ids[#ids + 1] = line end
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
math.randomseed(os.time())
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/relay/rest/endpoints/sip/" .. id, {["Authorization"] = auth})
end
