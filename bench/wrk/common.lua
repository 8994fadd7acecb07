-- Shared by the scripted wrk runs: per-thread status counters, summed and printed once at the end.
-- Every thread has its own Lua state, so counts live in thread globals and are read back in done().
local common = {}

local threads = {}

function common.setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function common.count(status)
  statuses = statuses or {}
  statuses[status] = (statuses[status] or 0) + 1
end

-- Voters written by new-voters.lua: one "cookie<TAB>token" line each.
function common.load_voters(path, thread_id, thread_count, skip)
  local voters = {}
  local n = 0
  for line in io.lines(path) do
    n = n + 1
    if n > skip and (n - skip - 1) % thread_count == thread_id then
      local cookie, token = line:match("^([^\t]+)\t([^\t]+)$")
      if cookie then
        voters[#voters + 1] = { cookie = cookie, token = token, index = n }
      end
    end
  end
  return voters
end

-- Prints "statuses 200=12 204=3" (summed over threads) and anything else a script counted.
function common.done(extra)
  local total = {}
  local flags = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses") or {}
    for status, n in pairs(counts) do
      total[status] = (total[status] or 0) + n
    end
    for _, key in ipairs(extra or {}) do
      flags[key] = (flags[key] or 0) + (thread:get(key) or 0)
    end
  end
  local keys = {}
  for status in pairs(total) do keys[#keys + 1] = status end
  table.sort(keys)
  local parts = {}
  for _, status in ipairs(keys) do parts[#parts + 1] = status .. "=" .. total[status] end
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
  for _, key in ipairs(extra or {}) do io.write(key .. " " .. flags[key] .. "\n") end
end

return common
