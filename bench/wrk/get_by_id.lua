-- GET one endpoint by a random id among those listed in SB_BENCH_IDS (one id per line).
-- random_ids.lua, beside this script (or in the working directory when run from here).
local random_id = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "random_ids.lua")
local auth = "Basic " .. os.getenv("SB_BENCH_AUTH")
local head, tail
-- Each wrk thread its own seed (set into it as the global `seed`), so the threads do not ask
-- for the same ids in the same order.
setup = function(thread)
  thread:set("seed", math.random(1, 1000000000))
end
-- The request is formatted once around a placeholder and the id spliced in per request: what
-- wrk spends per request comes out of the server's share of the cores.
init = function()
  math.randomseed(os.time() + seed)
  local whole = wrk.format("GET", "/api/relay/rest/endpoints/sip/{id}", {["Authorization"] = auth})
  local at = whole:find("{id}", 1, true)
  head, tail = whole:sub(1, at - 1), whole:sub(at + 4)
end
request = function()
  return head .. random_id() .. tail
end
