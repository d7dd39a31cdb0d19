-- POST /v1/api/chat as alice (TOKEN from the environment), project "benchchat" (its own chat history)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/v1/api/chat"
wrk.body = '{"message":"circuit breaker timeout retry","project_id":"benchchat"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
