-- POST a new endpoint with a unique username per request: a random prefix per thread (set
-- into the thread as the global `prefix`) and a counter.
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
local counter = 0
math.randomseed(os.time())  -- prefixes differ from one run to the next
setup = function(thread)
  thread:set("prefix", "t" .. tostring(math.random(1, 1000000000)) .. "-")
end
request = function()
  counter = counter + 1
  local body = '{"username":"' .. prefix .. counter .. '","password":"bench-pass-1"}'
  return wrk.format("POST", "/api/relay/rest/endpoints/sip",
                    {["Authorization"] = auth, ["Content-Type"] = "application/json"}, body)
end
