-- PUT a new caller id on a random endpoint among those listed in ids.txt.
local ids = {}
for line in io.lines(os.getenv("SB_BENCH_IDS")) do ids[#ids + 1] = line end
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
local counter = 0
math.randomseed(os.time())
request = function()
  counter = counter + 1
  local id = ids[math.random(#ids)]
  return wrk.format("PUT", "/api/relay/rest/endpoints/sip/" .. id,
                    {["Authorization"] = auth, ["Content-Type"] = "application/json"},
                    '{"caller_id":"Desk ' .. counter .. '"}')
end
