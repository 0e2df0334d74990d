#!/bin/sh
# Pushing statements to a Learning Record Store (issue #13; figures, not pass/fail):
#  1. a results database whose xAPI export is about STATEMENTS statements (default 100,000),
#     made by bench/gen_results (finished attempts with 15 actions each: ~19 statements each);
#  2. `mfc-trainer lrs push --batch BATCH` into Learning Locker's statement service
#     (xapi-statements 5.0.1, in memory, on 127.0.0.1), timed: statements per second, with
#     the export, the acknowledgements and everything;
#  3. the same batches (the same bytes: each batch as the push sends it, \uXXXX-escaped) POSTed
#     by a plain `curl` loop into a fresh LRS of the same kind in the same run: statements per
#     second of the HTTP and the LRS alone.
# Each run gets an LRS of its own (a fresh in-memory store), so neither pays for the other's
# data. The LRS and npm packages come from tests/lrs (build/npm-cache/lrs, or
# $MFC_LRS_NODE_DIR; installed with npm when missing).
# Usage: bench/lrs_bench.sh [BUILD_DIR]    Environment: STATEMENTS, BATCH (default 250).
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
GEN="$ROOT/$BUILD/bench/gen_results"
STATEMENTS=${STATEMENTS:-100000}
BATCH=${BATCH:-250}
NODE_DIR=${MFC_LRS_NODE_DIR:-$ROOT/build/npm-cache/lrs}
LRS_JS=$NODE_DIR/node_modules/xapi-statements/dist/index.js
[ -x "$EXE" ] && [ -x "$GEN" ] || { echo "build first: make (or cmake --build $BUILD)" >&2; exit 2; }
if [ ! -f "$LRS_JS" ]; then
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
    xapi-statements@5.0.1 @learninglocker/xapi-validation@4.0.0 >/dev/null ||
    { echo "npm could not install the LRS (no network?)" >&2; exit 2; }
fi
TMP=$(mktemp -d)
LRS_PID=""
trap '[ -n "$LRS_PID" ] && kill $LRS_PID 2>/dev/null; rm -rf "$TMP"' EXIT
cd "$TMP"

start_lrs() {
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  NODE_OPTIONS=--max-old-space-size=4096 AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory \
    STORAGE_REPO=local EXPRESS_PORT=$PORT node "$LRS_JS" >>lrs.log 2>&1 &
  LRS_PID=$!
  i=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/xAPI/about")" = 200 ]; do
    i=$((i + 1)); [ $i -lt 600 ] || { echo "the LRS did not start" >&2; exit 1; }; sleep 0.1
  done
}
stop_lrs() { kill "$LRS_PID"; wait "$LRS_PID" 2>/dev/null || true; LRS_PID=""; }
now() { date +%s.%N; }

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), cores: $(nproc)," \
  "load: $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version), curl $(curl --version | head -1 | cut -d' ' -f2)"

echo "== 1. database"
ATTEMPTS=$((STATEMENTS / 19 + 1))
"$GEN" results.db --attempts "$ATTEMPTS" --trainees 500 --scenarios 19 --actions >/dev/null 2>&1
"$EXE" export --format xapi --db results.db --output x.json 2>/dev/null
N=$(python3 -c "import json; print(len(json.load(open('x.json'))))")
echo "attempts: $ATTEMPTS, statements: $N, export: $(du -h x.json | cut -f1)"

echo "== 2. mfc-trainer lrs push --batch $BATCH"
start_lrs
# wall time, and the CPU time of mfc-trainer itself (the export, JSON, HTTP, acknowledgements)
python3 - "$EXE" "$PORT" "$BATCH" <<'PY'
import json, resource, subprocess, sys, time
exe, port, batch = sys.argv[1:4]
t0 = time.time()
with open("push.json", "w") as out:
    subprocess.run([exe, "lrs", "push", "--db", "results.db", "--endpoint",
                    "http://127.0.0.1:%s/xAPI/" % port, "--user", "u", "--password", "p",
                    "--batch", batch, "--json"], stdout=out, stderr=subprocess.DEVNULL)
t = time.time() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
d = json.load(open("push.json"))
print("sent %d in %d batches (%d posts, %d retries): %.2f s, %.0f statements/s"
      % (d["sent"], d["batches"], d["posts"], d["retries"], t, d["sent"] / t))
print("mfc-trainer's own CPU: %.2f s user + %.2f s system (%.0f %% of the wall time)"
      % (ru.ru_utime, ru.ru_stime, 100 * (ru.ru_utime + ru.ru_stime) / t))
open("push.s", "w").write("%f" % t)
PY
stop_lrs

echo "== 3. the same batches by curl"
python3 - "$BATCH" <<'PY'
import json, sys
b = int(sys.argv[1]); a = json.load(open("x.json"))
for i in range(0, len(a), b):
    # the push's bytes: compact JSON, every non-ASCII character as \uXXXX
    open("b%06d.json" % (i // b), "w").write(json.dumps(a[i:i + b], ensure_ascii=True, separators=(",", ":")))
PY
start_lrs
t0=$(now)
for f in b*.json; do
  curl -s -o /dev/null --fail -u u:p -H "X-Experience-API-Version: 1.0.3" \
    -H "Content-Type: application/json" --data-binary "@$f" "http://127.0.0.1:$PORT/xAPI/statements"
done
t1=$(now)
stop_lrs
python3 - "$t0" "$t1" "$N" <<'PY'
import sys
t = float(sys.argv[2]) - float(sys.argv[1]); n = int(sys.argv[3]); p = float(open("push.s").read())
print("curl: %d statements: %.2f s, %.0f statements/s" % (n, t, n / t))
print("lrs push takes %.2f× the time of the curl loop" % (p / t))
PY
