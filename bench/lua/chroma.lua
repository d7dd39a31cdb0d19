-- chroma-stub's POST /query directly (the limit): the same collection and query the backend sends
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "POST"
wrk.path = "/query"
wrk.body = '{"collection_name":"project_alice__bench","query_texts":["circuit breaker timeout retry"],"n_results":5}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-INTERNAL-TOKEN"] = os.getenv("INTERNAL_TOKEN")
