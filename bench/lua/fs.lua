-- filesystem-stub's GET /projects/{id}/search directly: the full-text fallback's own cost (the floor
-- for search and chat while chroma's breaker is open)
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
wrk.method = "GET"
wrk.path = "/projects/alice__bench/search?q=circuit%20breaker%20timeout%20retry&limit=5"
wrk.headers["X-INTERNAL-TOKEN"] = os.getenv("INTERNAL_TOKEN")
