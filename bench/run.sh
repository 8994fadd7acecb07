#!/usr/bin/env bash
# AutoBench's benchmark suite (issue 10): one command, one table, docs/benchmarks.md rewritten.
#
#   ./autobench bench [--no-write] [--duration 15s] [--skip-modules] [--report-only]
#
# It builds what is missing, starts a SEPARATE local stack (state in .autobench-bench/, PostgreSQL on 54339; the
# services keep their fixed ports 8080-8083, so nothing else may listen there), and measures:
#   - each service: launch-to-ready time and resident memory (JVM mode);
#   - the arena over loopback with wrk: leaderboard, match (new and returning visitors), votes by many distinct
#     voters (every 201 checked against the database), artifact pages, each right after the same service's
#     trivial endpoint (GET /q/health/live) so that the ratio shows how close it comes to the framework's limit;
#   - dispatch wall time for 3 tasks x 4, 20 and 100 models with 1 s calls, beside the sequential sum;
#   - then, with the stack stopped, the modules' own benchmarks: leaderboard computation (arena-service),
#     renderer throughput (renderer-service), dispatch with WireMock providers (dispatcher-service).
# A target that is missed gets a JFR profile, summarised by layer and hottest methods, in the report.
# The stack is always stopped on exit. See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
export AUTOBENCH_HOME="${AUTOBENCH_HOME:-$ROOT/.autobench-bench}"
export AUTOBENCH_DB_PORT="${AUTOBENCH_DB_PORT:-54339}"
RUN="$AUTOBENCH_HOME/run"
LOGS="$AUTOBENCH_HOME/logs"
OUT="$AUTOBENCH_HOME/results"
DB_URL="jdbc:postgresql://127.0.0.1:$AUTOBENCH_DB_PORT/autobench"
HARNESS="$ROOT/benchmarks/target/autobench-benchmarks.jar"
SERVICES=(generator-service dispatcher-service renderer-service arena-service)
ARENA=http://localhost:8080
TRIVIAL=/q/health/live

WRITE=1
DURATION="${BENCH_DURATION:-15s}"
THREADS=2
CONNECTIONS=50
MODULES=1
# Development only: measure a stack someone already started in $AUTOBENCH_HOME, and leave it running.
REUSE_STACK="${BENCH_REUSE_STACK:-}"

while [ $# -gt 0 ]; do
  case "$1" in
    --write) WRITE=1 ;;
    --no-write) WRITE="" ;;
    --duration) DURATION="$2"; shift ;;
    --skip-modules) MODULES="" ;;
    --report-only) REPORT_ONLY=1 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[33m!!\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31mxx\033[0m %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# What the bench stack runs with: the demo models only (a bench must never spend money on real providers), 1 s per
# simulated provider call, and the arena's abuse limits relaxed so that one load generator may act as many voters.
# X-Forwarded-For is trusted as behind the production ingress: each simulated voter comes from its own address.
bench_env() {
  unset OPENAI_API_KEY ANTHROPIC_API_KEY GEMINI_API_KEY DEEPSEEK_API_KEY OPENAI_COMPATIBLE_API_KEY \
    AUTOBENCH_PROVIDERS_OPENAI_COMPATIBLE_BASE_URL QUARKUS_DATASOURCE_JDBC_URL
  export AUTOBENCH_DEMO_ENABLED=true
  export AUTOBENCH_DEMO_LATENCY=1s
  export AUTOBENCH_ARENA_MIN_VIEW_TIME=0s
  export QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1/32
  export AUTOBENCH_ARENA_COOKIE_MIN_AGE_TO_COUNT=0s
  export AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_MINUTE=100000000 AUTOBENCH_ARENA_RATE_LIMIT_MATCHES_PER_HOUR=100000000
  export AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_MINUTE=100000000 AUTOBENCH_ARENA_RATE_LIMIT_COOKIES_PER_HOUR=100000000
  export AUTOBENCH_ARENA_RATE_LIMIT_VOTER_PER_MINUTE=1000000
  export AUTOBENCH_ARENA_RATE_LIMIT_VOTER_PER_HOUR=1000000
  export AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_MINUTE=100000000
  export AUTOBENCH_ARENA_RATE_LIMIT_IP_PER_HOUR=100000000
}

# The environment ./autobench gives every service (service_env there), for relaunching one on its own.
service_env() {
  export QUARKUS_DATASOURCE_JDBC_URL="$DB_URL"
  export AUTOBENCH_RENDERER_URL=http://localhost:8083
  export AUTOBENCH_ARENA_COOKIE_SECURE=false AUTOBENCH_GENERATOR_SCHEDULE_ENABLED=false
  local c
  for c in "${AUTOBENCH_CHROMIUM_PATH:-}" "$(command -v chromium || true)" "$(command -v chromium-browser || true)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then export AUTOBENCH_CHROMIUM_PATH="$c"; break; fi
  done
  set -a
  # shellcheck disable=SC1091
  . "$AUTOBENCH_HOME/secrets.env"
  set +a
}

port_of() {
  case "$1" in
    generator-service) echo 8081 ;; dispatcher-service) echo 8082 ;; renderer-service) echo 8083 ;; arena-service) echo 8080 ;;
  esac
}

# Each service's heap as in its Kubernetes container: the container's memory limit (k8s/base/<service>.yaml) and
# the heap share the image gives the JVM (JAVA_MAX_MEM_RATIO there, -XX:MaxRAMPercentage here). MaxRAM makes the
# JVM size itself as in that container, so the RSS measured under load can be read against the limit.
limit_mb() {
  case "$1" in
    generator-service) echo 512 ;; dispatcher-service) echo 768 ;; renderer-service) echo 2048 ;; arena-service) echo 768 ;;
  esac
}
HEAP_PERCENT=50
heap_opts() { echo "-XX:MaxRAM=$(limit_mb "$1")m -XX:MaxRAMPercentage=$HEAP_PERCENT"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOADS=()
note_load() { LOADS+=("$1 $(loadavg)"); }

rss_mb() { # pid
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"
}

pid_of() { cat "$RUN/$1.pid" 2>/dev/null || true; }

now_ms() { date +%s%3N; }

# ---------------------------------------------------------------------------------------------------------------
preflight() {
  command -v java >/dev/null || die "a JDK 17 or newer is needed (java not found on PATH)"
  command -v curl >/dev/null || die "curl is needed"
  if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing wrk (apt-get)"
      apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else
      die "wrk is needed: sudo apt-get install wrk (Debian/Ubuntu), or build it from https://github.com/wg/wrk"
    fi
  fi
  if [ -z "$REUSE_STACK" ]; then
    local p
    for p in 8080 8081 8082 8083 "$AUTOBENCH_DB_PORT"; do
      port_busy "$p" && die "port $p is in use: the bench starts its own stack on 8080-8083 and $AUTOBENCH_DB_PORT;" \
        "stop what listens there first (./autobench down stops the normal local run)"
    done
  fi
  mkdir -p "$OUT"
  rm -f "$OUT"/*
}

build() {
  local s missing=""
  [ -f "$ROOT/autobench-local/target/autobench-local.jar" ] || missing=1
  for s in "${SERVICES[@]}"; do [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
  [ -f "$HARNESS" ] || missing=1
  if [ -n "$missing" ]; then
    say "building (./mvnw -B -q install -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || die "build failed"
  elif [ -n "$(find "$ROOT/benchmarks/src/main" "$ROOT/benchmarks/pom.xml" -newer "$HARNESS" -type f -print -quit)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -pl benchmarks package -DskipTests) || die "build of benchmarks/ failed"
  fi
}

harness() { java -jar "$HARNESS" "$@"; }

stop_stack() {
  [ -n "$REUSE_STACK" ] && return 0
  [ -n "${STACK_STARTED:-}" ] || return 0
  (cd "$ROOT" && ./autobench down >/dev/null 2>&1) || true
  STACK_STARTED=""
}

cleanup() {
  local code=$?
  if [ -n "${WRK_PID:-}" ]; then kill "$WRK_PID" 2>/dev/null || true; fi
  stop_stack
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_stack() {
  if [ -n "$REUSE_STACK" ]; then
    say "reusing the stack already running in $AUTOBENCH_HOME (BENCH_REUSE_STACK)"
    return 0
  fi
  say "starting the bench stack: AUTOBENCH_HOME=${AUTOBENCH_HOME#$ROOT/} AUTOBENCH_DB_PORT=$AUTOBENCH_DB_PORT ./autobench start --reset"
  STACK_STARTED=1
  (cd "$ROOT" && ./autobench start --reset) > "$OUT/start.log" 2>&1 \
    || { tail -40 "$OUT/start.log" >&2; die "the bench stack did not start (log: $OUT/start.log)"; }
  { grep -E '==>' "$OUT/start.log" || true; } | sed 's/\x1b\[[0-9;]*m//g' | sed 's/^/    /' | tail -25
}

# ---------------------------------------------------------------------------------------------------------------
declare -A READY_MS STARTED_IN RSS_START RSS_DAY
measure_services() {
  local s pid
  for s in "${SERVICES[@]}"; do
    pid=$(pid_of "$s")
    RSS_DAY[$s]=$(rss_mb "$pid")
  done
  service_env
  for s in "${SERVICES[@]}"; do relaunch "$s"; done
}

# Stops one service and launches it again exactly as ./autobench does, timing launch -> /q/health/ready = 200.
relaunch() {
  local s="$1" port pid i t0 t1 ok=""
  port=$(port_of "$s")
  pid=$(pid_of "$s")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for i in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  for i in $(seq 1 40); do port_busy "$port" || break; sleep 0.25; done
  note_load "launch $s"
  t0=$(now_ms)
  # each service logs in as its own role, with the password ./autobench generated for it
  QUARKUS_DATASOURCE_USERNAME="autobench_${s%-service}" \
  QUARKUS_DATASOURCE_PASSWORD="$(sed -n "s/^autobench_${s%-service}=//p" "$AUTOBENCH_HOME/db-roles.env")" \
    setsid java $(heap_opts "$s") -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar" > "$LOGS/$s.log" 2>&1 < /dev/null &
  echo $! > "$RUN/$s.pid"
  for i in $(seq 1 3000); do
    if curl -fsS -o /dev/null "http://localhost:$port/q/health/ready" 2>/dev/null; then ok=1; break; fi
    kill -0 "$(pid_of "$s")" 2>/dev/null || break
    sleep 0.02
  done
  t1=$(now_ms)
  [ -n "$ok" ] || { tail -30 "$LOGS/$s.log" >&2; die "$s did not become ready again (log: $LOGS/$s.log)"; }
  READY_MS[$s]=$((t1 - t0))
  sleep 2
  STARTED_IN[$s]=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$LOGS/$s.log" | head -1)
  RSS_START[$s]=$(rss_mb "$(pid_of "$s")")
  say "$s: ready ${READY_MS[$s]} ms after launch (Quarkus: started in ${STARTED_IN[$s]:-?} s), RSS ${RSS_START[$s]} MB"
}

# ---------------------------------------------------------------------------------------------------------------
declare -A RPS P50 P99 CMD STATUSES CPU SIZE
to_ms() { # wrk duration (850.00us, 2.21ms, 1.02s, 1.00m) -> ms
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# A few seconds of the same load first, not recorded: the JIT compiles the endpoint's own path before it is measured.
warm_up() { # path script [env...]
  local path="$1" script="$2"
  shift 2
  (cd "$ROOT" && env BENCH_WRK_DIR="$BENCH/wrk" WRK_THREADS=$THREADS "$@" \
    wrk -t$THREADS -c$CONNECTIONS -d"${BENCH_WARMUP:-5s}" --timeout 10s ${script:+-s bench/wrk/$script} "$ARENA$path") \
    > "$OUT/warmup-$(tr -c 'a-z0-9\n' '_' <<<"$path" | head -1)-${script%.lua}.txt" 2>&1
}

# wrk_run NAME PATH [SCRIPT [ENV=VALUE...]]: one wrk run on the arena; its figures land in RPS/P50/P99/CMD/STATUSES.
wrk_run() {
  local name="$1" path="$2" script="${3:-}" out="$OUT/wrk-$1.txt" cmd
  shift 3
  local envs=("BENCH_WRK_DIR=$BENCH/wrk" "WRK_THREADS=$THREADS" "$@")
  cmd="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout 10s --latency"
  [ -n "$script" ] && cmd="$cmd -s bench/wrk/$script"
  cmd="$cmd $ARENA$path"
  note_load "wrk $name"
  local before
  before=$(cpu_snapshot)
  (cd "$ROOT" && env "${envs[@]}" $cmd) > "$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { cat "$out" >&2; die "wrk failed: $cmd"; }
  WRK_PID=""
  local after
  after=$(cpu_snapshot)
  RPS[$name]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  CPU[$name]=$(cpu_between "$before" "$after" "${RPS[$name]}")
  SIZE[$name]=$(awk -v rps="${RPS[$name]}" '/^Transfer\/sec:/ {
    v = $2 + 0; u = $2; sub(/^[0-9.]+/, "", u)
    if (u == "KB") v *= 1024; else if (u == "MB") v *= 1048576; else if (u == "GB") v *= 1073741824
    if (rps > 0) printf "%.1f KB", v / rps / 1024 }' "$out")
  P50[$name]=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  P99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  STATUSES[$name]=$(sed -n 's/^statuses //p' "$out")
  local non2xx
  non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: \([0-9]*\).*/\1/p' "$out")
  [ -n "${STATUSES[$name]}" ] || STATUSES[$name]="non-2xx=${non2xx:-0}"
  CMD[$name]="$( [ -z "$script" ] || printf '%s ' BENCH_WRK_DIR=bench/wrk "WRK_THREADS=$THREADS" "$@")$cmd"
  printf '    %-22s %8s req/s  p50 %8s ms  p99 %8s ms  %s; %s\n' "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" \
    "${STATUSES[$name]}" "${CPU[$name]}"
}

# CPU used between two snapshots, in cores: the arena's JVM, PostgreSQL (postmaster + backends), and what was idle.
# Whatever is left of the 2 cores went to wrk itself and to anything else running on the machine.
cpu_snapshot() {
  local total idle arena=0 pg=0 pid pm=""
  read -r total idle < <(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
  pid=$(pid_of arena-service)
  [ -n "$pid" ] && arena=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
  [ -f "$AUTOBENCH_HOME/pgdata/postmaster.pid" ] && pm=$(head -1 "$AUTOBENCH_HOME/pgdata/postmaster.pid")
  if [ -n "$pm" ]; then
    for pid in $pm $(ps -o pid= --ppid "$pm" 2>/dev/null); do
      pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
  fi
  echo "$total $idle $arena $pg"
}
cpu_between() { # "before" "after" requests/s -> "CPU: arena 0.90, postgres 0.60, idle 0.10 of 2 cores; per request ..."
  awk -v n="$(nproc)" -v a="$1" -v b="$2" -v rps="$3" 'BEGIN {
    split(a, x, " "); split(b, y, " "); per = (y[1] - x[1]) / n
    if (per <= 0) { print "CPU ?"; exit }
    arena = (y[3] - x[3]) / per; pg = (y[4] - x[4]) / per
    printf "CPU: arena %.2f, postgres %.2f, idle %.2f of %d cores", arena, pg, (y[2] - x[2]) / per, n
    if (rps > 0) printf " = %.3f ms arena + %.3f ms postgres CPU per request", arena * 1000 / rps, pg * 1000 / rps }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }

VOTERS="$OUT/voters.tsv"
pool_size() { cat "$OUT"/voters.out.* 2>/dev/null | wc -l; }
merge_pool() {
  cat "$OUT"/voters.out.* > "$VOTERS" 2>/dev/null || true
  [ -s "$VOTERS" ] || die "no voter could be created: GET /api/arena/match served no match (see $OUT/wrk-match-new.txt)"
}

arena_http() {
  say "arena over loopback: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, each beside GET $TRIVIAL"
  warm_up "$TRIVIAL" ""
  wrk_run live-1 "$TRIVIAL" ""
  warm_up /api/arena/match new-voters.lua "VOTERS_OUT=$OUT/voters.out"
  # first visits: every request creates a voter; their cookies and tokens become the pool the votes spend
  wrk_run match-new /api/arena/match new-voters.lua "VOTERS_OUT=$OUT/voters.out"
  # a new visitor's first match costs far more than a returning one's: profile it while it fills the pool
  profile match-new /api/arena/match new-voters.lua "VOTERS_OUT=$OUT/voters.out"
  local rounds=0
  while [ "$(pool_size)" -lt "${BENCH_MIN_VOTERS:-60000}" ] && [ $rounds -lt 12 ]; do
    rounds=$((rounds + 1))
    (cd "$ROOT" && env BENCH_WRK_DIR="$BENCH/wrk" VOTERS_OUT="$OUT/voters.out" \
      wrk -t$THREADS -c$CONNECTIONS -d10s -s bench/wrk/new-voters.lua "$ARENA/api/arena/match") > "$OUT/fill-$rounds.txt" 2>&1
  done
  merge_pool
  say "voter pool: $(wc -l < "$VOTERS") distinct voters, each with a signed vote token"

  wrk_run live-2 "$TRIVIAL" ""
  warm_up /api/arena/match returning-voters.lua "VOTERS=$VOTERS"
  wrk_run match-returning /api/arena/match returning-voters.lua "VOTERS=$VOTERS"

  local artifact
  artifact=$(curl -fsS "$ARENA/api/arena/match" | grep -o '/api/artifacts/[0-9a-f-]*' | head -1 || true)
  [ -n "$artifact" ] || die "no artifact to fetch: did the day render anything? (see $LOGS/renderer-service.log)"
  ARTIFACT_PATH="$artifact"
  wrk_run live-3 "$TRIVIAL" ""
  warm_up "$artifact" ""
  wrk_run artifact "$artifact" ""

  # the warm-up spends the first voters of the pool; the measured run starts after them
  warm_up /api/arena/votes votes.lua "VOTERS=$VOTERS"
  # (each wrk thread spends every other line at its own pace, so twice the sent count is surely past them all)
  VOTES_SKIP=$(( 2 * $(sed -n 's/^sent //p' "$OUT"/warmup-*votes.txt | head -1) + 0 ))
  VOTES_BEFORE=$(harness stored-votes --jdbc "$DB_URL")
  wrk_run live-4 "$TRIVIAL" ""
  wrk_run votes /api/arena/votes votes.lua "VOTERS=$VOTERS" "VOTERS_SKIP=$VOTES_SKIP"
  VOTES_AFTER=$(harness stored-votes --jdbc "$DB_URL")
  VOTES_201=$(sed -n 's/.*\b201=\([0-9]*\).*/\1/p' <<<"${STATUSES[votes]}")
  VOTES_201=${VOTES_201:-0}
  VOTES_STORED=$((VOTES_AFTER - VOTES_BEFORE))
  VOTES_EXHAUSTED=$(sed -n 's/^exhausted //p' "$OUT/wrk-votes.txt")
  VOTES_SENT=$(sed -n 's/^sent //p' "$OUT/wrk-votes.txt")
  VOTES_ANSWERED=$(awk '/^statuses/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }' "$OUT/wrk-votes.txt")
  say "votes: $VOTES_SENT sent, $VOTES_ANSWERED answered ($VOTES_201 × 201), $VOTES_STORED new rows in votes$( [ "${VOTES_EXHAUSTED:-0}" != 0 ] && echo "; voter pool ran out in $VOTES_EXHAUSTED thread(s)")"

  # the leaderboard (served from memory; recomputed off the request path; it counts only tasks whose voting window has closed, so not the votes just cast)
  curl -fsS -X POST -H "x-cron-secret: $AUTOBENCH_CRON_SECRET" "$ARENA/api/leaderboard/recompute" > /dev/null
  warm_up /api/leaderboard ""
  wrk_run live-5 "$TRIVIAL" ""
  wrk_run static /favicon.svg ""
  wrk_run leaderboard /api/leaderboard ""
  wrk_run live-6 "$TRIVIAL" ""
  # the leaderboard's baseline: the trivial endpoint just before and just after it
  RPS[live-56]=$(( (${RPS[live-5]} + ${RPS[live-6]}) / 2 ))
  RSS_LOADED=$(rss_mb "$(pid_of arena-service)")
  say "arena RSS after the load: $RSS_LOADED MB"
}

# First visits at a fixed rate R for 60 s, ramped to 10 x R over 10 s, held 60 s, back to R for 60 s (open loop:
# each request leaves at its planned time, latency counted from then), beside the trivial endpoint just before.
# R defaults to a twentieth of the first-visit throughput wrk measured in this run (at least 10/s), so the spike
# peaks at half of what the arena served in closed loop on this machine under these neighbours; BENCH_SPIKE_RATE
# sets it.
spike() {
  SPIKE_RATE="${BENCH_SPIKE_RATE:-$(awk -v r="${RPS[match-new]:-0}" 'BEGIN { v = int(r / 20); print (v < 10) ? 10 : v }')}"
  wrk_run live-7 "$TRIVIAL" ""
  note_load "spike"
  SPIKE_CMD="java -jar benchmarks/target/autobench-benchmarks.jar spike --url $ARENA/api/arena/match --rate $SPIKE_RATE --factor 10 --steady 60 --ramp 10 --hold 60 --after 60 --pid <arena pid>"
  say "spike of first visits: $SPIKE_RATE/s for 60 s, ramped to $((SPIKE_RATE * 10))/s over 10 s, held 60 s, back to $SPIKE_RATE/s for 60 s"
  harness spike --url "$ARENA/api/arena/match" --rate "$SPIKE_RATE" --factor 10 --steady 60 --ramp 10 --hold 60 \
    --after 60 --pid "$(pid_of arena-service)" | tee "$OUT/spike.txt" | sed 's/^/    /'
  note_load "spike done"
}

# A 20 s JFR recording of the arena while wrk repeats one run, summarised by harness jfr-hotspots.
declare -A PROFILE
profile() { # name path script [env...]
  local name="$1" pid file
  pid=$(pid_of arena-service)
  file="$OUT/profile-$name.jfr"
  say "profiling $name (JFR, 20 s): jcmd $pid JFR.start duration=20s settings=profile filename=$file"
  jcmd "$pid" JFR.start name="bench-$name" duration=20s settings=profile filename="$file" > /dev/null
  local saved="$DURATION"
  DURATION=20s
  wrk_run "profiled-$name" "${@:2}"
  DURATION="$saved"
  for _ in $(seq 1 40); do [ -s "$file" ] && break; sleep 0.5; done
  sleep 1
  PROFILE[$name]=$(harness jfr-hotspots --file "$file" --top 12)
  printf '%s\n' "${PROFILE[$name]}" | sed 's/^/    /'
}

profile_missed_targets() {
  LB_RATIO=$(ratio "${RPS[leaderboard]}" "${RPS[live-56]}")
  if awk -v r="$LB_RATIO" 'BEGIN { exit !(r < 0.8) }'; then
    profile leaderboard /api/leaderboard ""
  fi
  if [ "${RPS[votes]:-0}" -lt 1000 ]; then
    local used
    used=$(sed -n 's/^sent //p' "$OUT/wrk-votes.txt")
    profile votes /api/arena/votes votes.lua "VOTERS=$VOTERS" "VOTERS_SKIP=$(( VOTES_SKIP + 2 * ${used:-0} + 1000 ))"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
DISPATCH_LINES=()
dispatch_bench() {
  # The renderer would otherwise render every benchmark submission in Chromium while we measure: stop it.
  local pid
  pid=$(pid_of renderer-service)
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  say "dispatch wall time: 3 tasks x 4, 20, 100 demo models, 1 s per call (AUTOBENCH_DEMO_LATENCY=1s)"
  note_load "dispatch"
  DISPATCH_CMD="java -jar benchmarks/target/autobench-benchmarks.jar dispatch --models 4,20,100 --dispatcher http://localhost:8082 --generator http://localhost:8081 --jdbc $DB_URL --cron-secret \$AUTOBENCH_CRON_SECRET --admin-token \$AUTOBENCH_ADMIN_TOKEN"
  harness dispatch --models 4,20,100 --first-date 2001-01-01 --dispatcher http://localhost:8082 \
    --generator http://localhost:8081 --jdbc "$DB_URL" --cron-secret "$AUTOBENCH_CRON_SECRET" \
    --admin-token "$AUTOBENCH_ADMIN_TOKEN" | tee "$OUT/dispatch.txt" | sed 's/^/    /'
  RSS_DISPATCHER_LOADED=$(rss_mb "$(pid_of dispatcher-service)")
  # the same 100 models once more with a bulkhead that does not bound them: what the design costs, not the config
  say "dispatch again, 100 models, dispatcher relaunched with AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER=300"
  local ready="${READY_MS[dispatcher-service]}" started="${STARTED_IN[dispatcher-service]}" rss="${RSS_START[dispatcher-service]}"
  AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER=300 relaunch dispatcher-service > /dev/null
  READY_MS[dispatcher-service]=$ready STARTED_IN[dispatcher-service]=$started RSS_START[dispatcher-service]=$rss
  # an extra figure: when it fails, the run keeps what it measured and says so
  { harness dispatch --models 100 --first-date 2001-02-01 --dispatcher http://localhost:8082 \
    --generator http://localhost:8081 --jdbc "$DB_URL" --cron-secret "$AUTOBENCH_CRON_SECRET" \
    --admin-token "$AUTOBENCH_ADMIN_TOKEN" 2> "$OUT/dispatch-unbounded.err" \
    || warn "the dispatch with bulkhead 300 failed (see $OUT/dispatch-unbounded.err and $LOGS/dispatcher-service.log)"; } \
    | sed 's/^dispatch /dispatch-unbounded /' | tee -a "$OUT/dispatch.txt" | sed 's/^/    /'
}

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

# ---------------------------------------------------------------------------------------------------------------
# The modules' own benchmark classes (JUnit, tag "benchmark"), run as their poms say; their printed figures are kept.
MODULE_CMDS=()
run_module() { # name module test-class extra-flags...
  local name="$1" module="$2" class="$3"
  shift 3
  local cmd="./mvnw -B ${BENCH_MVN_FLAGS:-} -pl $module test -Dgroups=benchmark $* -Dtest=$class -Dsurefire.failIfNoSpecifiedTests=false"
  if [ -z "$(find "$ROOT/$module/src/test" -name "$class.java" -print -quit 2>/dev/null)" ]; then
    warn "$module has no $class: its figures are missing from the report"
    echo "missing: $module has no $class" > "$OUT/module-$name.txt"
    return 0
  fi
  say "$cmd"
  note_load "module $name"
  # the modules' tests configure themselves (%test profile): none of the bench stack's variables may leak into them
  (cd "$ROOT" && env $(env | sed -n 's/^\(\(AUTOBENCH\|QUARKUS\)_[A-Z0-9_]*\)=.*/-u \1/p') $cmd) \
    > "$OUT/module-$name.txt" 2>&1 || warn "$name benchmark failed (log: $OUT/module-$name.txt)"
  MODULE_CMDS+=("$name|$cmd")
}

module_benchmarks() {
  run_module ranking arena-service RankingBenchmark -Darena.excludedGroups=none
  run_module renderer renderer-service RenderThroughputBenchmarkTest
  run_module dispatch-wiremock dispatcher-service DispatchWallTimeBenchmark -DexcludedGroups=none
}

module_cmd() { local e; for e in "${MODULE_CMDS[@]}"; do [ "${e%%|*}" = "$1" ] && { echo "${e#*|}"; return; }; done; echo "(not run)"; }

# ---------------------------------------------------------------------------------------------------------------
ROWS=()
row() { ROWS+=("$1|$2|$3|$4"); } # what | figure | target | command

build_table() {
  local s
  for s in "${SERVICES[@]}"; do
    row "$s: launch → /q/health/ready 200" "${READY_MS[$s]} ms (Quarkus \"started in\" ${STARTED_IN[$s]:-?} s)" "" \
      "bench/run.sh relaunch: setsid java -jar $s/target/quarkus-app/quarkus-run.jar, curl /q/health/ready every 20 ms"
    row "$s: RSS after start (idle, 2 s after ready)" "${RSS_START[$s]} MB of its $(limit_mb "$s") MiB container limit (heap at most $((HEAP_PERCENT * $(limit_mb "$s") / 100)) MiB)" "" "VmRSS in /proc/<pid>/status; java $(heap_opts "$s")"
    row "$s: RSS after \`autobench start\` + one day" "${RSS_DAY[$s]} MB" "" "VmRSS in /proc/<pid>/status"
  done
  row "arena: RSS after the wrk load below" "$RSS_LOADED MB of its $(limit_mb arena-service) MiB container limit (heap at most $((HEAP_PERCENT * $(limit_mb arena-service) / 100)) MiB)" "within the limit" "VmRSS in /proc/<pid>/status; java $(heap_opts arena-service)"
  row "dispatcher: RSS after the dispatches below (4, 20, 100 models)" "$RSS_DISPATCHER_LOADED MB of its $(limit_mb dispatcher-service) MiB container limit" "within the limit" "VmRSS in /proc/<pid>/status; java $(heap_opts dispatcher-service)"
  local pair name base target
  for pair in "match-new:live-1:≥ 0.25 × trivial, p99 < 50 ms" "match-returning:live-2:≥ 0.25 × trivial, p99 < 50 ms" \
    "artifact:live-3:≥ 0.5 × trivial, p99 < 50 ms" "votes:live-4:≥ 1,000/s, every 201 stored" \
    "leaderboard:live-5:≥ 0.8 × trivial, p99 < 50 ms"; do
    IFS=: read -r name base target <<<"$pair"
    row "arena GET $TRIVIAL (just before $name)" "$(figures "$base")" "" "${CMD[$base]}"
    if [ "$name" = leaderboard ]; then
      row "arena GET /favicon.svg (a static file)" "$(figures static) — $(ratio "${RPS[static]}" "${RPS[live-5]}") × $TRIVIAL just before" "≥ 0.5 × trivial" "${CMD[static]}"
      row "arena $(endpoint_of "$name")" "$(figures "$name") — **$(ratio "${RPS[$name]}" "${RPS[live-56]}") ×** the mean of $TRIVIAL just before and just after (${RPS[live-56]} req/s)" \
        "$target" "${CMD[$name]}"
      row "arena GET $TRIVIAL (just after $name)" "$(figures live-6)" "" "${CMD[live-6]}"
    else
      row "arena $(endpoint_of "$name")" "$(figures "$name") — $(ratio "${RPS[$name]}" "${RPS[$base]}") × $TRIVIAL" \
        "$target" "${CMD[$name]}"
    fi
  done
  row "arena GET $TRIVIAL (just before the spike)" "$(figures live-7)" "" "${CMD[live-7]}"
  local line
  while IFS= read -r line; do
    row "spike: first visits, phase $(field phase "$line") ($(field rate "$line")/s, $(field seconds "$line") s)" \
      "$(field requests "$line") requests, p50 $(field p50_ms "$line") ms, p99 $(field p99_ms "$line") ms, errors $(field errors "$line") ($(field statuses "$line")), arena RSS at most $(field rss_max_mb "$line") MB of $(limit_mb arena-service) MiB" \
      "0 errors" "$SPIKE_CMD"
  done < <(grep '^spike ' "$OUT/spike.txt" 2>/dev/null)
  row "votes stored" "$(votes_check)" "every 201 stored" \
    "java -jar benchmarks/target/autobench-benchmarks.jar stored-votes --jdbc $DB_URL (before and after the votes run)"
  while IFS= read -r line; do
    local kind models wall sum slowest speedup
    kind=${line%% *}
    models=$(field models "$line"); wall=$(field wall_ms "$line"); sum=$(field sum_ms "$line")
    slowest=$(field slowest_ms "$line"); speedup=$(field speedup "$line")
    row "dispatch 3 tasks × $models models, 1 s calls$( [ "$kind" = dispatch-unbounded ] && echo ", bulkhead 300")" \
      "wall $wall ms vs sequential sum $sum ms (×$speedup; slowest call $slowest ms; $(field succeeded "$line")/$(field submissions "$line") succeeded)" \
      "≈ the slowest call, not the sum" \
      "$DISPATCH_CMD$( [ "$kind" = dispatch-unbounded ] && echo " (dispatcher with AUTOBENCH_DISPATCH_BULKHEAD_PER_PROVIDER=300, --models 100)")"
  done < "$OUT/dispatch.txt"
  if [ -n "$MODULES" ]; then
    local f="$OUT/module-ranking.txt" r
    local numbers='^ *[0-9]\+ \+[0-9]\+ \+[0-9]\+ \+[0-9]\+\( \+[0-9]\+\)\? *$'
    if grep -q "$numbers" "$f" 2>/dev/null; then
      while read -r votes models first best cpu; do
        target=""; [ "$votes" = 1000000 ] && [ "$models" = 50 ] && target="≤ 2 s"
        row "leaderboard computation, $votes votes × $models models × 1000 rounds" \
          "best wall $best ms (first run $first ms${cpu:+; CPU $cpu ms})" "$target" "$(module_cmd ranking)"
      done < <(grep "$numbers" "$f")
    else
      row "leaderboard computation" "not measured: $(head -1 "$f" 2>/dev/null)" "1M × 50 × 1000 ≤ 2 s" "$(module_cmd ranking)"
    fi
    f="$OUT/module-renderer.txt"
    if grep -q '^concurrency [0-9]' "$f" 2>/dev/null; then
      while IFS= read -r r; do
        row "renderer, $(sed 's/:.*//' <<<"$r")" "$(sed 's/^concurrency [0-9]*: *//' <<<"$r")" "" "$(module_cmd renderer)"
      done < <(grep '^concurrency [0-9]' "$f")
    else
      row "renderer throughput" "not measured: $(head -1 "$f" 2>/dev/null)" "" "$(module_cmd renderer)"
    fi
    f="$OUT/module-dispatch-wiremock.txt"
    if grep -q '^dispatch wall time' "$f" 2>/dev/null; then
      row "dispatch 3 tasks × 20 models over 4 providers (WireMock, 1 s), in-process" \
        "wall $(sed -n 's/^dispatch wall time *\([0-9]*\).*/\1/p' "$f") ms vs sequential sum $(sed -n 's/^sequential sum *\([0-9]*\).*/\1/p' "$f") ms" \
        "≈ the slowest call" "$(module_cmd dispatch-wiremock)"
    else
      row "dispatch (module benchmark)" "not measured: $(head -1 "$f" 2>/dev/null)" "" "$(module_cmd dispatch-wiremock)"
    fi
  fi
}

figures() { echo "${RPS[$1]} req/s, p50 ${P50[$1]} ms, p99 ${P99[$1]} ms, ${SIZE[$1]:-?} per response; ${STATUSES[$1]}; ${CPU[$1]}"; }

# Every 201 stored: the rows added to votes must cover every 201, and exceed them only by requests wrk had sent
# but not seen answered when it stopped (their votes are stored; their answers were cut off).
votes_check() {
  local other unanswered verdict
  other=$((VOTES_ANSWERED - VOTES_201))
  unanswered=$((VOTES_SENT - VOTES_ANSWERED))
  if [ "$VOTES_STORED" -ge "$VOTES_201" ] && [ "$((VOTES_STORED - VOTES_201))" -le "$unanswered" ] && [ "$other" = 0 ]; then
    verdict="consistent: every 201 stored"
  else
    verdict="INCONSISTENT"
  fi
  echo "$VOTES_STORED new rows; $VOTES_SENT sent, $VOTES_201 answered 201, $other other answers, $unanswered unanswered at wrk's stop — $verdict"
}

endpoint_of() {
  case "$1" in
    match-new) echo "GET /api/arena/match, new visitor (no cookie: creates a voter)" ;;
    match-returning) echo "GET /api/arena/match, returning visitors (voter cookies)" ;;
    artifact) echo "GET $ARTIFACT_PATH" ;;
    votes) echo "POST /api/arena/votes, distinct voters" ;;
    leaderboard) echo "GET /api/leaderboard" ;;
  esac
}

print_table() {
  echo
  printf '%-68s | %s\n' "what" "figure"
  printf '%s\n' "$(printf '%.0s-' $(seq 1 150))"
  local r what figure target cmd
  for r in "${ROWS[@]}"; do
    IFS='|' read -r what figure target cmd <<<"$r"
    printf '%-68s | %s%s\n' "$what" "$figure" "${target:+   [target: $target]}"
    printf '%-68s   $ %s\n' "" "$cmd"
  done
  echo
  printf 'load average (1, 5, 15 min) during the run:\n'
  printf '    %s\n' "${LOADS[@]}"
}

# Everything the report needs, so that --report-only can write docs/benchmarks.md again (after bench/analysis.md
# was edited) without measuring again.
save_state() {
  { declare -p READY_MS STARTED_IN RSS_START RSS_DAY RPS P50 P99 CMD STATUSES CPU SIZE PROFILE ROWS LOADS MODULE_CMDS
    declare -p DISPATCH_CMD MODULES SPIKE_CMD SPIKE_RATE
    declare -p RUN_DATE MEM_INFO RSS_LOADED RSS_DISPATCHER_LOADED VOTES_201 VOTES_STORED VOTES_SENT VOTES_ANSWERED ARTIFACT_PATH DURATION
  } | sed 's/^declare -\([-a-zA-Z]*\)/declare -g\1/; s/^declare -g-/declare -g/' > "$OUT/state.sh"
}

report_only() {
  [ -f "$OUT/state.sh" ] || die "no earlier run in $OUT to report on"
  # shellcheck disable=SC1091
  . "$OUT/state.sh"
  ROWS=()
  build_table
  # shellcheck source=bench/report.sh
  . "$BENCH/report.sh"
  write_report > "$ROOT/docs/benchmarks.md"
  say "wrote docs/benchmarks.md from the run of $(date -u -r "$OUT/state.sh" '+%Y-%m-%d %H:%M UTC')"
}

main() {
  if [ -n "${REPORT_ONLY:-}" ]; then report_only; return; fi
  preflight
  note_load "start"
  build
  bench_env
  start_stack
  measure_services
  arena_http
  spike
  profile_missed_targets
  dispatch_bench
  note_load "stack done"
  stop_stack
  if [ -n "$MODULES" ]; then module_benchmarks; fi
  note_load "end"
  RUN_DATE=$(date -u '+%Y-%m-%d at %H:%M UTC')
  MEM_INFO=$(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available at the end of the run" }')
  build_table
  print_table | tee "$OUT/table.txt"
  save_state
  if [ -n "$WRITE" ]; then
    # shellcheck source=bench/report.sh
    . "$BENCH/report.sh"
    write_report > "$ROOT/docs/benchmarks.md"
    say "wrote docs/benchmarks.md"
  fi
}

main
