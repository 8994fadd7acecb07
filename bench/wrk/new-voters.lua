-- GET /api/arena/match as a first-time visitor (no cookie): the arena creates a voter, sets its cookie and signs a
-- vote token. Each answer is kept as "cookie<TAB>token" in $VOTERS_OUT.<thread>, the pool votes.lua spends.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local out

function setup(thread) common.setup(thread) end

function init(args)
  out = assert(io.open(os.getenv("VOTERS_OUT") .. "." .. id, "a"))
  out:setvbuf("line")
  request_text = wrk.format("GET", "/api/arena/match", { ["Accept"] = "application/json" })
end

function request() return request_text end

function response(status, headers, body)
  common.count(status)
  if status == 200 then
    local cookie = (headers["Set-Cookie"] or headers["set-cookie"] or ""):match("(ab_voter=[^;]+)")
    local token = body:match('"voteToken"%s*:%s*"([^"]+)"')
    if cookie and token then out:write(cookie, "\t", token, "\n") end
  end
end

function done() common.done() end
