-- wrk script for bench/serve.sh: POSTs the bodies of $BODIES (a file of JSON bodies, one a line),
-- each wrk thread cycling through them from its own starting point, with
-- "Authorization: Bearer $TOKEN" and Content-Type application/json.
--   BODIES=bodies-1.jsonl TOKEN=... wrk -t2 -c64 -d30s --latency -s post.lua URL
-- With $COUNTS set (the kill test), every 2xx answer is also counted by the millisecond it
-- arrived (wall clock), and done() writes "MILLISECOND COUNT" lines to the file $COUNTS: which
-- answers came before a kill and which after the restart. (Counting costs wrk some speed, so the
-- throughput runs leave it off.)
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
assert(#bodies > 0, "no bodies in " .. tostring(os.getenv("BODIES")))

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")

local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  threads[#threads + 1] = thread
end

local requests, next = {}, 0
function init(args)
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format(nil, nil, nil, body)
  end
  next = (offset or 0) % #requests
end

function request()
  next = next % #requests + 1
  return requests[next]
end

local countsFile = os.getenv("COUNTS")
if countsFile and #countsFile > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } lathe_timespec;
    int clock_gettime(int clock, lathe_timespec* out);
  ]]
  local now = ffi.new("lathe_timespec")
  counts = {}  -- global: done() reads it from each thread

  function response(status, headers, body)
    if status >= 200 and status < 300 then
      ffi.C.clock_gettime(0, now)  -- CLOCK_REALTIME
      local ms = tonumber(now.tv_sec) * 1000 + math.floor(tonumber(now.tv_nsec) / 1e6)
      counts[ms] = (counts[ms] or 0) + 1
    end
  end

  function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
      for ms, n in pairs(thread:get("counts") or {}) do total[ms] = (total[ms] or 0) + n end
    end
    local out = assert(io.open(countsFile, "w"))
    for ms, n in pairs(total) do out:write(string.format("%d %d\n", ms, n)) end
    out:close()
  end
end
