-- wrk script: POSTs pre-made event batches (bench/wrk/make_event_bodies.py), each body
-- once; thread t of T sends bodies t, t+T, t+2T, … so no two requests carry the same
-- events (run it with -t2). Env: BODY_DIR (folder of body-NNNNN.json), BODY_COUNT,
-- BATCH (events per body), TOKEN. Once a thread has sent all its bodies it asks /healthz
-- instead; those requests are left out of the events/s figure printed at the end.
local threads = {}
local counter = 0

function setup(thread)
   thread:set("index", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   dir = os.getenv("BODY_DIR")
   total = tonumber(os.getenv("BODY_COUNT"))
   token = os.getenv("TOKEN")
   next_body = index
   rejected = 0
   exhausted = 0
   headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

local function read_body(n)
   local f = io.open(string.format("%s/body-%05d.json", dir, n), "rb")
   local body = f:read("*a")
   f:close()
   return body
end

function request()
   if next_body >= total then
      exhausted = exhausted + 1
      return wrk.format("GET", "/healthz")
   end
   local body = read_body(next_body)
   next_body = next_body + 2
   return wrk.format("POST", "/api/v1/events", headers, body)
end

function response(status, headers, body)
   if status ~= 200 or string.find(body, '"rejected"', 1, true) then
      rejected = rejected + 1
   end
end

function done(summary, latency, requests)
   local bad, dry = 0, 0
   for _, t in ipairs(threads) do
      bad = bad + t:get("rejected")
      dry = dry + t:get("exhausted")
   end
   local batch = tonumber(os.getenv("BATCH") or "500")
   local posted = summary.requests - dry
   io.write(string.format("batches_not_accepted %d\nrequests_after_bodies_ran_out %d\n", bad, dry))
   io.write(string.format("events_per_second %.0f\n", posted * batch / (summary.duration / 1e6)))
end
