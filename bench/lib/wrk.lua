-- wrk script shared by every HTTP scenario of bench/run.sh.
--
-- Environment (read once per wrk thread):
--   BENCH_MODE      "get" (default): the request given on the command line, unchanged
--                   "post": POST a new, unique student per request (JSON body)
--                   "paths": GET one of the request paths listed in BENCH_PATHS (one a line), at random
--   BENCH_PATHS     the file of paths for mode "paths" (read once per thread)
--   BENCH_RUN       a prefix that makes student ids unique across wrk runs (post mode)
--   BENCH_DELAY_MS  when set, each connection waits a random 0..2*N ms after every response before it sends
--                   the next request (mean N): a paced, below-saturation load (wrk has no fixed-rate mode;
--                   wrk2, which has, is not packaged by Debian). wrk starts its latency clock when the
--                   request is written, so the pause is not counted as latency.
-- done() prints one machine-readable line that bench/lib/benchlib.py parses (p99.9 is not in wrk's own report).

local mode = os.getenv("BENCH_MODE") or "get"
local run = os.getenv("BENCH_RUN") or "r"
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "")

local threads = {}
local next_thread = 0

function setup(thread)
   next_thread = next_thread + 1
   thread:set("thread_no", next_thread)
   table.insert(threads, thread)
end

if mode == "post" then
   local counter = 0
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   function request()
      counter = counter + 1
      local id = string.format("%s-%d-%d", run, thread_no or 0, counter)
      local body = string.format('{"studentid":"%s","name":"Nguyễn Văn Bench %d","class":"21DTHA1",'
         .. '"birthdate":"2003-02-28","email":"%s@example.edu.vn"}', id, counter, string.lower(id))
      return wrk.format("POST", nil, nil, body)
   end
end

if mode == "paths" then
   local paths = {}
   local file = assert(io.open(os.getenv("BENCH_PATHS"), "r"))
   for line in file:lines() do
      if line ~= "" then table.insert(paths, line) end
   end
   file:close()
   assert(#paths > 0, "no path in BENCH_PATHS")
   function request()
      return wrk.format("GET", paths[math.random(1, #paths)])
   end
end

function init(args)
   math.randomseed(os.time() * 100 + (thread_no or 0))
end

if delay_ms then
   function delay()
      return math.random(0, 2 * delay_ms)
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d "
      .. "mean_us=%.1f connect=%d read=%d write=%d timeout=%d status=%d\n",
      summary.requests, summary.duration, summary.bytes,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max, latency.mean, e.connect, e.read, e.write, e.timeout, e.status))
end
