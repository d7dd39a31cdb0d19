-- Shared by every bench script: one machine-readable summary line at the end of a wrk run.
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
