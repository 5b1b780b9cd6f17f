-- The ids listed in SB_BENCH_IDS (one per line, all of one length), drawn at random.
--
-- They stay in the one string the file was read into: as a Lua table of strings, a million ids
-- made every garbage collection cycle walk them all, and wrk's CPU per request, which shares the
-- cores with the server, grew with the dataset (at 100k, 32-36 us per GET by id against 27).
local file = assert(io.open(os.getenv("SB_BENCH_IDS")))
local ids = file:read("*a")
file:close()
local width = assert(ids:find("\n", 1, true), "no id in SB_BENCH_IDS")  -- an id and its newline
local count = math.floor(#ids / width)
assert(count * width == #ids, "the ids in SB_BENCH_IDS are not all of one length")

return function()
  local at = (math.random(count) - 1) * width + 1
  return ids:sub(at, at + width - 2)
end
