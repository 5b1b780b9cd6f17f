-- PUT a new caller id on a random endpoint among those listed in SB_BENCH_IDS.
-- random_ids.lua, beside this script (or in the working directory when run from here).
local random_id = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "random_ids.lua")
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
local counter = 0
-- Each wrk thread gets its own seed (set into it as the global `seed`): seeded from the clock
-- alone, both threads drew the same ids in the same order, so pairs of PUTs kept waiting for
-- each other's row lock.
setup = function(thread)
  thread:set("seed", math.random(1, 1000000000))
end
init = function()
  math.randomseed(os.time() + seed)
end
request = function()
  counter = counter + 1
  return wrk.format("PUT", "/api/relay/rest/endpoints/sip/" .. random_id(),
                    {["Authorization"] = auth, ["Content-Type"] = "application/json"},
                    '{"caller_id":"Desk ' .. counter .. '"}')
end
