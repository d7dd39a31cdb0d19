-- GET /v1/api/status/services as alice (never calls a downstream)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/v1/api/status/services"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
