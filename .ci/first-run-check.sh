#!/usr/bin/env bash
# The README's run command as a new user runs it (issue 12): `./bulletin-search --fresh` on this clean
# clone, with every JVM's temp dir empty (so the build, the PostgreSQL unpack and the class-data
# archives all happen for the first time), in the background on ports of its own. Waits for the ready
# banner, runs the curls the platform prints and the README's upload, catalog and search curls, checks a
# new article in the catalog and in search, stops with SIGINT and checks that every process it started is
# gone and every port it used is free again; then starts it once more on the same data (the article must
# still be found) and stops it again within 10 s. Prints the figures; exits non-zero on any failure.
#
# Environment: CI_WORK (default target/ci) holds tmp/, data/ and logs; FIRST_RUN_PORT_BASE (default 28000).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="${CI_WORK:-$root/target/ci}/first-run"
rm -rf "$work"; mkdir -p "$work/tmp"
log() { echo "first-run: $*" >&2; }
fail() { log "FAILED: $*"; [ -f "$work/run.log" ] && tail -n 30 "$work/run.log" >&2; exit 1; }

base=${FIRST_RUN_PORT_BASE:-28000}
export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$work/tmp"
export INGEST_API_KEY=ci-first-run-key BULLETIN_DATA_DIR="$work/data"
export INGEST_PORT=$((base + 81)) CATALOG_PORT=$((base + 82)) SEARCH_PORT=$((base + 83))
export KAFKA_PORT=$((base + 92)) POSTGRES_PORT=$((base + 32)) SEARCH_ENGINE_PORT=$((base + 20))
ports="$INGEST_PORT $CATALOG_PORT $SEARCH_PORT $KAFKA_PORT $POSTGRES_PORT $SEARCH_ENGINE_PORT"
ingest=http://127.0.0.1:$INGEST_PORT catalog=http://127.0.0.1:$CATALOG_PORT search=http://127.0.0.1:$SEARCH_PORT

# ---- start, as in a terminal: a process group of its own, SIGINT not ignored -----------------------
# A CI runner (or `nohup cmd &`) may start this script with SIGINT ignored; a shell cannot undo an ignore it
# inherited, and neither can the JVM (it leaves an ignored SIGINT alone), so env resets it to the default.
as_in_a_terminal=(env --default-signal=INT)
started=$(date +%s)
set -m
"${as_in_a_terminal[@]}" ./bulletin-search --fresh > "$work/run.log" 2>&1 < /dev/null &
pid=$!
set +m
cleanup() { kill -KILL -- -"$pid" 2>/dev/null || true; pkill -KILL -f "$work" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 900); do
  grep -q "Bulletin Search is running" "$work/run.log" && break
  kill -0 "$pid" 2>/dev/null || fail "./bulletin-search exited before it was ready"
  sleep 1
done
grep -q "Bulletin Search is running" "$work/run.log" || fail "not ready after 900 s"
ready=$(( $(date +%s) - started ))
log "ready ${ready} s after ./bulletin-search --fresh (build + first unpack included)"
sigint_ignored=$(( 0x$(awk '/^SigIgn:/ {print $2}' /proc/"$pid"/status) & 2 ))
[ "$sigint_ignored" = 0 ] || fail "the platform ignores SIGINT (inherited), so Ctrl-C could not be checked"

# ---- the curls the platform printed -----------------------------------------------------------------
printed=$(sed -n '/^Try:/,/^Ctrl-C/p' "$work/run.log" | grep '^ *curl ')
[ "$(echo "$printed" | wc -l)" -ge 3 ] || fail "the ready banner printed no curls"
while IFS= read -r cmd; do
  out=$(eval "$cmd -w ' HTTP%{http_code}'") || fail "printed curl failed: $cmd"
  case "$out" in *HTTP200|*HTTP202) ;; *) fail "printed curl answered ${out##* }: $cmd";; esac
done <<< "$printed"
log "the $(echo "$printed" | wc -l) printed curls answered 200/202"

# ---- the README's curls, with this run's ports and key ------------------------------------------
readme_curls=$(sed -n '/^## API in a few curls/,/^Taking things back/p' README.md | sed -n '/^```bash/,/^```/p' \
  | grep -v '^```' | grep -v '^ *#' | grep -v '^ *$' | sed -e :a -e '/\\$/N; s/\\\n//; ta')
[ -n "$readme_curls" ] || fail "no curls found under 'API in a few curls' in README.md"
upload_id="" article_id="" story_id=""
while IFS= read -r cmd; do
  cmd=$(echo "$cmd" | sed -e "s#localhost:8081#127.0.0.1:$INGEST_PORT#g; s#localhost:8082#127.0.0.1:$CATALOG_PORT#g" \
    -e "s#localhost:8083#127.0.0.1:$SEARCH_PORT#g; s#dev-key-change-me#$INGEST_API_KEY#g" \
    -e "s#<uploadId>#$upload_id#g; s#<storyId>#$story_id#g; s#<id>#$article_id#g")
  body=$(eval "$cmd -w '\n%{http_code}'") || fail "README curl failed: $cmd"
  code=$(echo "$body" | tail -n 1)
  case "$code" in 200|202) ;; *) fail "README curl answered $code: $cmd";; esac
  json=$(echo "$body" | sed '$d')
  [ -z "$upload_id" ] && upload_id=$(echo "$json" | jq -r '.uploadId // empty' 2>/dev/null || true)
  [ -z "$article_id" ] && article_id=$(echo "$json" | jq -r '.articles[0].id // .items[0].id // empty' 2>/dev/null || true)
  [ -z "$story_id" ] && story_id=$(echo "$json" | jq -r '.storyId // empty' 2>/dev/null || true)
done <<< "$readme_curls"
log "the README's $(echo "$readme_curls" | wc -l) curls answered 200/202"

# ---- a new article reaches the catalog and search -------------------------------------------------
token="firstrun$RANDOM$RANDOM"
printf '%s Harbour Notice\n\n%s Harbour Notice\n\nThe %s harbour office posted new opening hours for its customs counter.\n' \
  "$token" "$token" "$token" > "$work/bulletin.txt"
code=$(curl -s -o "$work/upload.json" -w '%{http_code}' -H "X-API-Key: $INGEST_API_KEY" -H 'Content-Type: text/plain' \
  --data-binary @"$work/bulletin.txt" "$ingest/bulletins?source=$token.txt")
[ "$code" = 202 ] || fail "upload answered $code: $(cat "$work/upload.json")"
in_catalog=0 in_search=0
for _ in $(seq 60); do
  [ "$in_catalog" = 1 ] || { [ "$(curl -s "$catalog/articles?source=$token.txt" | jq '.items | length')" -ge 1 ] 2>/dev/null && in_catalog=1; }
  [ "$in_search" = 1 ] || { [ "$(curl -s "$search/search?q=$token" | jq '.total')" -ge 1 ] 2>/dev/null && in_search=1; }
  [ "$in_catalog$in_search" = 11 ] && break
  sleep 0.5
done
[ "$in_catalog" = 1 ] || fail "the new article is not in the catalog after 30 s"
[ "$in_search" = 1 ] || fail "the new article is not searchable after 30 s"
log "a new article is in the catalog and in search"

# ---- meaning: the packaged service loads the model from its Maven artifact (pristine temp dir) ---------
vectors=0
for _ in $(seq 120); do
  [ "$(curl -s -H "X-API-Key: $INGEST_API_KEY" "$search/admin/vectors" | jq -r '.state')" = complete ] && { vectors=1; break; }
  sleep 0.5
done
[ "$vectors" = 1 ] || fail "articles still without vectors 60 s after the upload: $(curl -s -H "X-API-Key: $INGEST_API_KEY" "$search/admin/vectors")"
modes=$(curl -s "$search/search?q=opening+hours+at+the+port+office&mode=hybrid" | jq -c '.modes')
case "$modes" in *semantic*) ;; *) fail "a hybrid search found nothing by meaning (modes $modes)";; esac
log "every article has its vector; hybrid search finds by meaning (modes $modes)"

# ---- stop with SIGINT, as Ctrl-C does; nothing may be left behind -----------------------------------
# stop LIMIT: SIGINT to the platform's process group, then check that no process and no port is left.
stop() {
  local limit=$1 started took left
  started=$(date +%s%N)
  kill -INT -- -"$pid"
  for _ in $(seq 600); do kill -0 -- -"$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 -- -"$pid" 2>/dev/null && fail "still running 60 s after SIGINT"
  took=$(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  sleep 1  # processes outside the group (servers in sessions of their own) get a moment to exit
  left=$(pgrep -f "$work" || true)
  [ -z "$left" ] || fail "processes left after stopping: $(ps -o pid=,args= -p $(echo $left | tr ' ' ',') | cut -c1-150)"
  for p in $ports; do (echo > /dev/tcp/127.0.0.1/"$p") 2>/dev/null && fail "port $p still answers after stopping"; done
  log "stopped on SIGINT in ${took} s; no process left; ports $ports free"
  awk -v t="$took" -v l="$limit" 'BEGIN { exit !(t <= l) }' || fail "stopping took ${took} s (limit ${limit} s)"
  stop_took=$took
}
# The first stop after a build also writes the services' class-data archives (several seconds on 2 cores).
stop 30
first_stop=$stop_took

# ---- a second start on the same data: the article is still there; this stop is the everyday one ----
set -m
"${as_in_a_terminal[@]}" ./bulletin-search > "$work/run2.log" 2>&1 < /dev/null &
pid=$!
set +m
for _ in $(seq 300); do
  grep -q "Bulletin Search is running" "$work/run2.log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/run2.log" >&2; fail "the second start exited before it was ready"; }
  sleep 1
done
grep -q "Bulletin Search is running" "$work/run2.log" || fail "the second start was not ready after 300 s"
[ "$(curl -s "$search/search?q=$token" | jq '.total')" -ge 1 ] 2>/dev/null || fail "the article is gone after a restart"
log "a second start on the same data is ready and still finds the article"
stop 10
trap - EXIT
log "passed: ready in ${ready} s, first stop ${first_stop} s (archives written), everyday stop ${stop_took} s"
