-- wrk script of bench/rest: one request shape per run, a random key per
-- request, the bearer token on every request.
--   BENCH_TOKEN=… wrk … -s request.lua http://127.0.0.1:PORT -- SERVER CASE ROWS
-- SERVER: tablewright | postgrest | platformatic
-- CASE:   key (GET one row by key) | filter (GET 100 rows by tag) |
--         post (insert one row) | patch (update one row by key)
-- Prints one line "RESULT key=value …" when done.

local server, case, rows, base
local token = os.getenv("BENCH_TOKEN") or ""
local created = "2026-11-27T12:00:00+00:00"

function setup(thread)
  -- A distinct random sequence per wrk thread.
  counter = (counter or 0) + 1
  thread:set("tid", counter)
end

function init(args)
  server, case, rows = args[1], args[2], tonumber(args[3])
  base = server == "tablewright" and "/rest/default/item" or "/item"
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
end

local function headers(json)
  local h = { ["Authorization"] = "Bearer " .. token }
  if json then
    h["Content-Type"] = "application/json"
    h["Prefer"] = "return=minimal"
  end
  return h
end

function request()
  local id = math.random(1, rows)
  if case == "key" then
    if server == "platformatic" then
      return wrk.format("GET", "/item/" .. id, headers(false))
    end
    return wrk.format("GET", base .. "?id=eq." .. id, headers(false))
  elseif case == "filter" then
    local tag = "tag-" .. (id % 1000)
    if server == "platformatic" then
      return wrk.format("GET", "/item/?where.tag.eq=" .. tag .. "&limit=100", headers(false))
    end
    return wrk.format("GET", base .. "?tag=eq." .. tag .. "&limit=100", headers(false))
  elseif case == "post" then
    if server == "platformatic" then
      -- Platformatic answers the row; fields=id keeps it to the key.
      return wrk.format("POST", "/item/?fields=id", headers(true),
        string.format('{"name":"bench","amount":"%d.25","created":"%s","tag":"tag-new"}', id % 1000, created))
    end
    return wrk.format("POST", base, headers(true),
      string.format('{"name":"bench","amount":%d.25,"created":"%s","tag":"tag-new"}', id % 1000, created))
  elseif case == "patch" then
    if server == "platformatic" then
      -- No partial update by key in Platformatic DB: PUT /item/{id} takes the whole row.
      return wrk.format("PUT", "/item/" .. id .. "?fields=id", headers(true),
        string.format('{"name":"item %d","amount":"%d.50","created":"%s","tag":"tag-%d"}', id, id % 1000, created, id % 1000))
    end
    return wrk.format("PATCH", base .. "?id=eq." .. id, headers(true),
      string.format('{"amount":%d.50}', id % 1000))
  end
  error("unknown case " .. tostring(case))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    e.status, e.connect + e.read + e.write + e.timeout))
end
