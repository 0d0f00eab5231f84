#!/usr/bin/env bash
# Starts the product as the README says (`npm start`) on a fresh data folder, waits for it to answer,
# signs in as a demo account, reads the case list, kills the server with -9 (leaving the embedded
# PostgreSQL running), starts it again on the same folder (the postmaster left behind must be reused
# or restarted) and checks that it answers with the same data.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(mktemp -d /tmp/cg-smoke-XXXXXX)
PORT=${SMOKE_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
export DATA_DIR=$DATA PORT CIVICGRID_DEMO_PASSWORD=smoke-demo-pass SEED_HISTORY_CASES=${SMOKE_HISTORY_CASES:-78182}
log=$DATA/server.log
base="http://127.0.0.1:$PORT"

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(process.argv[1].split(".").reduce((o,k)=>o[k],v))})' "$1"; }
elapsed() { awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $1}"; }
wait_up() {
  for _ in $(seq 1 600); do
    if curl -fs "$base/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "server did not answer; log:"; tail -50 "$log"; return 1
}
# the server is a grandchild of npm; its own process group lets us find every process of this start
start() { setsid npm start >>"$log" 2>&1 & echo $!; }
server_pid() { pgrep -g "$1" -f "^node apps/server/dist/main.js" | head -1; }

groups=()
cleanup() {
  for g in "${groups[@]}"; do pkill -9 -g "$g" 2>/dev/null || true; done
  if [ -f "$DATA/pg/postmaster.pid" ]; then kill -INT "$(head -1 "$DATA/pg/postmaster.pid")" 2>/dev/null || true; fi
  sleep 1
  rm -rf "$DATA"
}
trap cleanup EXIT

if curl -fs "$base/healthz" >/dev/null 2>&1; then echo "port $PORT is already taken"; exit 1; fi
t0=$(date +%s.%N)
group=$(start)
groups+=("$group")
wait_up
echo "first answer after $(elapsed "$t0") s on a fresh data folder"
for _ in $(seq 1 600); do
  curl -fs "$base/healthz" | grep -q '"seeding":false' && break
  sleep 0.5
done
echo "demo history ready after $(elapsed "$t0") s"
token=$(curl -fs -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"city_dispatcher","password":"smoke-demo-pass"}' | json token)
total=$(curl -fs "$base/api/v1/cases?pageSize=1" -H "authorization: Bearer $token" | json total)
echo "cases visible to city_dispatcher: $total"
[ "$total" -gt 0 ]

# kill -9 the server process and its npm wrappers; the embedded postmaster is left running
pg_pid=$(head -1 "$DATA/pg/postmaster.pid")
node_pid=$(server_pid "$group")
kill -9 "$node_pid"
pkill -9 -g "$group" -f "npm|build-if-stale" || true
sleep 1
kill -0 "$pg_pid" && echo "postmaster $pg_pid still running after the server was killed"
if curl -fs "$base/healthz" >/dev/null 2>&1; then echo "the killed server still answers"; exit 1; fi

group=$(start)
groups+=("$group")
wait_up
again=$(curl -fs "$base/api/v1/cases?pageSize=1" -H "authorization: Bearer $token" | json total)
echo "answers again after kill -9 and restart: $again cases, session still valid"
[ "$again" -ge "$total" ]

# stop: SIGTERM to the server stops it and its PostgreSQL
kill -TERM "$(server_pid "$group")"
for _ in $(seq 1 60); do pgrep -g "$group" >/dev/null || break; sleep 0.5; done
echo "stopped cleanly"
