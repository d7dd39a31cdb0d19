-- POST /v1/api/search as alice (TOKEN from the environment), project "bench"
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/v1/api/search"
wrk.body = '{"query":"circuit breaker timeout retry","project_id":"bench"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
