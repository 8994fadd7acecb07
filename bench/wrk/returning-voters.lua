-- GET /api/arena/match as returning visitors: each request carries the cookie of another voter of the pool.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local requests = {}
local next_one = 0

function setup(thread) common.setup(thread) end

function init(args)
  local voters = common.load_voters(os.getenv("VOTERS"), id, tonumber(os.getenv("WRK_THREADS")), 0)
  for i, voter in ipairs(voters) do
    if i > 5000 then break end
    requests[#requests + 1] = wrk.format("GET", "/api/arena/match",
      { ["Accept"] = "application/json", ["Cookie"] = voter.cookie })
  end
  assert(#requests > 0, "no voters in " .. os.getenv("VOTERS"))
end

function request()
  next_one = next_one % #requests + 1
  return requests[next_one]
end

function response(status, headers, body) common.count(status) end

function done() common.done() end
