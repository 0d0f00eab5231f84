#!/usr/bin/env bash
# Starts the product as the README says (`npm start`) on a fresh data folder, waits for it to answer,
# signs in as a demo account, reads a case list, kills the server with -9, starts it again on the
# same folder (the postmaster left behind must be reused or restarted) and checks it answers again.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d /tmp/cg-smoke-XXXXXX)
PORT=${SMOKE_PORT:-18080}
export DATA_DIR=$DATA PORT CIVICGRID_DEMO_PASSWORD=smoke-demo-pass SEED_HISTORY_CASES=${SMOKE_HISTORY_CASES:-78182}
log=$DATA/server.log

wait_up() {
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "server did not answer; log:"; tail -50 "$log"; return 1
}

t0=$(date +%s.%N)
npm start >"$log" 2>&1 &
pid=$!
wait_up
t1=$(date +%s.%N)
echo "first answer after $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s on a fresh data folder"
# the year of history is seeded in the background after the first answer
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/healthz" | grep -q '"seeding":false' && break
  sleep 0.5
done
t2=$(date +%s.%N)
echo "demo history ready after $(awk "BEGIN{printf \"%.1f\", $t2 - $t0}") s"
token=$(curl -fs -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"city_dispatcher","password":"smoke-demo-pass"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
total=$(curl -fs "http://127.0.0.1:$PORT/api/v1/cases?pageSize=1" -H "authorization: Bearer $token" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))')
echo "cases visible to city_dispatcher: $total"
[ "$total" -gt 0 ]

# kill -9 the server (and the npm wrapper): the embedded postmaster is left running
pkill -9 -P "$pid" || true
kill -9 "$pid" 2>/dev/null || true
sleep 1
npm start >>"$log" 2>&1 &
pid=$!
wait_up
echo "answers again after kill -9 and restart"
curl -fs "http://127.0.0.1:$PORT/api/v1/cases?pageSize=1" -H "authorization: Bearer $token" >/dev/null
kill -TERM "$pid" 2>/dev/null || true
pkill -TERM -P "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
# stop any postmaster still on the folder
if [ -f "$DATA/pg/postmaster.pid" ]; then kill -INT "$(head -1 "$DATA/pg/postmaster.pid")" 2>/dev/null || true; fi
sleep 1
rm -rf "$DATA"
