#!/usr/bin/env python3
"""Writes request bodies for POST /api/v1/events: COUNT files of BATCH new events each.

Every batch opens BATCH/5 incidents (with a provisional number, as a replica would) and adds
four comments to each, all in the name of ACTOR. Content hashes are computed exactly as the
server checks them (core/domain/event.cpp canonicalForm: sorted keys, compact JSON).

usage: make_event_bodies.py OUT_DIR COUNT [BATCH] [ACTOR] [OFFSET]
"""
import hashlib
import json
import os
import sys
import time
import uuid

out_dir, count = sys.argv[1], int(sys.argv[2])
batch = int(sys.argv[3]) if len(sys.argv) > 3 else 500
actor = sys.argv[4] if len(sys.argv) > 4 else "bench"
offset = int(sys.argv[5]) if len(sys.argv) > 5 else 0
node = "bench-replica-%d" % os.getpid()
os.makedirs(out_dir, exist_ok=True)


def uuid7(ms):
    rand = uuid.uuid4().int & ((1 << 80) - 1)
    value = (ms << 80) | (0x7 << 76) | ((rand >> 62) & 0xFFF) << 64 | (0b10 << 62) | (rand & ((1 << 62) - 1))
    h = "%032x" % value
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def wire(event_id, incident, kind, payload, hlc, at):
    form = ('{"actor":%s,"hlc":%s,"id":%s,"incident":%s,"kind":%s,"occurred_at":"%d","origin":%s,"payload":%s}'
            % (canonical(actor), canonical(hlc), canonical(event_id), canonical(incident), canonical(kind), at,
               canonical(node), canonical(payload)))
    return {"id": event_id, "incident_id": incident, "kind": kind, "payload": payload, "actor": actor,
            "origin_node": node, "hlc": hlc, "occurred_at": at,
            "content_hash": hashlib.sha256(form.encode("utf-8")).hexdigest()}


now = int(time.time() * 1000)
counter = 0
for n in range(count):
    events = []
    for i in range(batch // 5):
        seq = (offset + n) * batch + i
        incident = uuid7(now)
        steps = [("opened", {"title": "Bench incident %d" % seq, "impact": 2, "urgency": 2, "priority": 3,
                             "channel": "monitoring", "number": "P-BENCH-%07d" % seq})]
        steps += [("commented", {"text": "note %d on %d" % (c, seq)}) for c in range(1, 5)]
        for kind, payload in steps:
            counter += 1
            hlc = "%013d.%06d.%s" % (now + counter // 999999, counter % 999999, node)
            events.append(wire(uuid7(now), incident, kind, payload, hlc, now))
    with open(os.path.join(out_dir, "body-%05d.json" % n), "w", encoding="utf-8") as f:
        json.dump({"events": events}, f, separators=(",", ":"))
