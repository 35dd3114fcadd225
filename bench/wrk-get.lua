-- GETs for wrk: each thread sends the paths of a file (one a line, written by the harness) in a random order of
-- its own, with the harness's HTTP Basic credentials.
--   wrk -t2 -c8 -d10s --latency -s bench/wrk-get.lua http://127.0.0.1:PORT -- PATHS_FILE "Basic ..."
-- done() prints one line that the harness reads: requests/s and latency percentiles in microseconds.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local requests = {}

function init(args)
  local file = assert(io.open(args[1], "r"), "no paths file " .. tostring(args[1]))
  local headers = { ["Authorization"] = args[2] }
  for path in file:lines() do
    if #path > 0 then
      table.insert(requests, wrk.format("GET", path, headers))
    end
  end
  file:close()
  assert(#requests > 0, "no paths in " .. args[1])
  math.randomseed(1000 + id)
end

function request()
  return requests[math.random(#requests)]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("wrk-summary requests=%d seconds=%.3f per_s=%.1f p50_us=%d p90_us=%d p99_us=%d "
      .. "max_us=%d non_2xx_3xx=%d socket_errors=%d\n", summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, e.status,
      e.connect + e.read + e.write + e.timeout))
end
