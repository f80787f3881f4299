-- wrk script of benchmarks/side-by-side.sh for the stateless MCP face: every request is one tools/call list-webhooks
-- as a Streamable HTTP client posts it; the figures at the end are wrk-report.lua's (run from the project's root).
dofile("benchmarks/wrk-report.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
wrk.headers["MCP-Protocol-Version"] = "2025-06-18"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"list-webhooks",'
  .. '"arguments":{"orgId":"acme-corp","appId":"billing-api"}}}'
