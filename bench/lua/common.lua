-- Shared by every bench script: one machine-readable summary line at the end of a wrk run, and
-- an optional pause between one connection's requests (BENCH_PAUSE_MS, set by bench/run for its
-- paced background load: each connection waits that long before its next request, so the load
-- offered stays about the same whether the backend answers from chroma or from a fallback).
local pause_ms = tonumber(os.getenv("BENCH_PAUSE_MS") or "0") or 0
if pause_ms > 0 then
  function delay() return pause_ms end
end

-- BENCH rps=<requests/s> p50_ms=.. p90_ms=.. p99_ms=.. max_ms=.. requests=.. non2xx=.. errors=<socket errors>
function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  if summary.requests == 0 then -- nothing completed: no latency to report
    io.write(string.format("BENCH rps=0 p50_ms=na p90_ms=na p99_ms=na max_ms=na requests=0 non2xx=0 errors=%d timeouts=%d\n",
      e.connect + e.read + e.write + e.timeout, e.timeout))
    return
  end
  io.write(string.format(
    "BENCH rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f requests=%d non2xx=%d errors=%d timeouts=%d\n",
    summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, e.timeout))
end
