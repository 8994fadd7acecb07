-- POST /api/arena/votes, each request the first vote of another voter of the pool (cookie + the token signed for
-- them), from another client address (X-Forwarded-For, which the bench arena trusts as it would behind an ingress),
-- so neither the per-voter nor the per-IP lock is shared. Counts requests sent and answers by status; a thread that
-- runs out of voters stops and says so ("exhausted") rather than sending duplicates. ONE_IP=1 leaves out the header.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local voters
local next_one = 0
local outcomes = { "left", "right", "tie", "left", "right" }

function setup(thread) common.setup(thread) end

function init(args)
  voters = common.load_voters(os.getenv("VOTERS"), id, tonumber(os.getenv("WRK_THREADS")),
    tonumber(os.getenv("VOTERS_SKIP") or "0"))
  exhausted = 0
  sent = 0
  one_ip = os.getenv("ONE_IP") == "1"
end

local function address(n)
  return string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
end

function request()
  next_one = next_one + 1
  local voter = voters[next_one]
  if voter == nil then
    exhausted = 1
    wrk.thread:stop()
    voter = voters[#voters]
  else
    sent = sent + 1
  end
  local headers = { ["Content-Type"] = "application/json", ["Cookie"] = voter.cookie }
  if not one_ip then headers["X-Forwarded-For"] = address(voter.index) end
  local body = string.format('{"voteToken":"%s","outcome":"%s"}', voter.token, outcomes[voter.index % 5 + 1])
  return wrk.format("POST", "/api/arena/votes", headers, body)
end

function response(status, headers, body) common.count(status) end

function done() common.done({ "sent", "exhausted" }) end
