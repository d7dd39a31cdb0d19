-- POST /v1/api/billing/deduct {amount: 0.01} as alice (billing only, never chroma; the backend
-- makes one Idempotency-Key per request). bench/run credits alice's account first.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/v1/api/billing/deduct"
wrk.body = '{"amount":0.01}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
