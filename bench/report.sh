# shellcheck shell=bash
# Sourced by bench/run.sh after a run: write_report prints docs/benchmarks.md from the figures run.sh collected.
# The reading of the figures that a script cannot write (why a target is missed, what was done) lives in
# bench/analysis.md and is copied in verbatim.

md_escape() { sed 's/|/\\|/g'; }

verdict() { if [ "$1" = 1 ]; then echo "**met**"; else echo "**missed**"; fi; }

targets_table() {
  local lb_base lb_ratio lb_ok votes_ok rank_ms rank_ok d_ok line worst=""
  lb_base=${RPS[live-56]}
  lb_ratio=$(ratio "${RPS[leaderboard]}" "$lb_base")
  lb_ok=$(awk -v r="$lb_ratio" 'BEGIN { print (r >= 0.8) ? 1 : 0 }')
  votes_ok=0
  if [ "${RPS[votes]:-0}" -ge 1000 ] && votes_check | grep -q 'every 201 stored'; then votes_ok=1; fi
  rank_ms=$(grep '^ *1000000 \+50 ' "$OUT/module-ranking.txt" 2>/dev/null | awk '{ print $4 }' || true)
  rank_ok=$(awk -v m="${rank_ms:-}" 'BEGIN { print (m != "" && m <= 2000) ? 1 : 0 }')
  while IFS= read -r line; do
    worst="${worst:+$worst, }$(field models "$line") models: $(field wall_ms "$line") ms"
  done < <(grep '^dispatch ' "$OUT/dispatch.txt")
  echo "| target (2 cores, JVM mode) | measured | |"
  echo "|---|---|---|"
  read_target "new visitor's \`GET /api/arena/match\`" match-new live-1 0.25
  read_target "returning visitor's \`GET /api/arena/match\`" match-returning live-2 0.25
  read_target "\`GET /api/artifacts/{id}\`" artifact live-3 0.5
  read_target "a static file (\`GET /favicon.svg\`)" static live-5 0.5
  local lb_p99_ok
  lb_p99_ok=$(awk -v p="${P99[leaderboard]}" -v ok="$lb_ok" 'BEGIN { print (ok == 1 && p < 50) ? 1 : 0 }')
  echo "| \`GET /api/leaderboard\` ≥ 0.8 × the trivial endpoint, p99 < 50 ms | ${RPS[leaderboard]} req/s = $lb_ratio × \`GET /q/health/live\` (mean of the runs just before and after: $lb_base req/s), p99 ${P99[leaderboard]} ms | $(verdict "$lb_p99_ok") |"
  spike_target
  rss_target
  echo "| votes ≥ 1,000/s, every 201 stored | ${RPS[votes]} votes/s; $(votes_check | md_escape) | $(verdict "$votes_ok") |"
  echo "| leaderboard computation, 1M votes × 50 models × 1000 rounds ≤ 2 s | ${rank_ms:-not measured} ms | $(verdict "$rank_ok") |"
  echo "| dispatch lasts about the slowest call (1 s), not the sum | $worst (default bulkhead of 16 calls per provider) | see below |"
}

# read_target LABEL NAME BASELINE MIN_RATIO: one "≥ ratio × trivial, p99 < 50 ms" line of the targets table.
read_target() {
  local r ok
  r=$(ratio "${RPS[$2]:-0}" "${RPS[$3]:-0}")
  ok=$(awk -v r="$r" -v m="$4" -v p="${P99[$2]:-999}" 'BEGIN { print (r >= m && p < 50) ? 1 : 0 }')
  echo "| $1 ≥ $4 × the trivial endpoint just before, p99 < 50 ms | ${RPS[$2]} req/s = $r × \`GET /q/health/live\` (${RPS[$3]} req/s), p99 ${P99[$2]} ms | $(verdict "$ok") |"
}

spike_target() {
  local errors summary
  [ -s "$OUT/spike.txt" ] || { echo "| spike of first visits: 0 errors | not run | **missed** |"; return; }
  errors=$(awk '/^spike / { for (i = 2; i <= NF; i++) if ($i ~ /^errors=/) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }' "$OUT/spike.txt")
  summary=$(awk '/^spike / { for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      printf "%s%s %s/s: p50 %s ms, p99 %s ms, %s errors, RSS ≤ %s MB", (n++ ? "; " : ""), f["phase"], f["rate"], f["p50_ms"], f["p99_ms"], f["errors"], f["rss_max_mb"] }' "$OUT/spike.txt")
  echo "| spike of first visits (R = ${SPIKE_RATE}/s for 60 s, 10 × R after a 10 s ramp for 60 s, R for 60 s): 0 errors | $summary (\`GET /q/health/live\` just before: ${RPS[live-7]} req/s, p99 ${P99[live-7]} ms) | $(verdict "$([ "$errors" = 0 ] && echo 1 || echo 0)") |"
}

rss_target() {
  local limit spike_rss worst ok
  limit=$(limit_mb arena-service)
  spike_rss=$(awk '/^spike / { for (i = 2; i <= NF; i++) if ($i ~ /^rss_max_mb=/) { split($i, kv, "="); if (kv[2] + 0 > m) m = kv[2] + 0 } } END { print m + 0 }' "$OUT/spike.txt" 2>/dev/null || echo 0)
  worst=$(( RSS_LOADED > spike_rss ? RSS_LOADED : spike_rss ))
  ok=$([ "$worst" -lt "$limit" ] && echo 1 || echo 0)
  echo "| arena RSS under the load within its container limit | $RSS_LOADED MB after the wrk runs, at most $spike_rss MB during the spike, against a $limit MiB limit (heap at most $((HEAP_PERCENT * limit / 100)) MiB: \`$(heap_opts arena-service)\`, as \`JAVA_MAX_MEM_RATIO=$HEAP_PERCENT\` in the container) | $(verdict "$ok") |"
}

figures_table() {
  local r what figure target cmd
  echo "| what | figure | target | command |"
  echo "|---|---|---|---|"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r what figure target cmd <<<"$r"
    printf '| %s | %s | %s | `%s` |\n' "$what" "$figure" "$target" "$cmd"
  done
}

load_summary() {
  printf '%s\n' "${LOADS[@]}" | awk '{ l = $(NF - 2); if (min == "" || l < min) min = l; if (l > max) max = l }
    END { printf "%s – %s", min, max }'
}

write_report() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  cat <<EOF
# Benchmarks

These figures come from **one run of \`./autobench bench\`** (\`bench/run.sh\`), on $RUN_DATE, and
are rewritten by every run. Each figure sits beside the command that made it. The machine is shared and small, so
absolute numbers move from run to run; **read the ratios** — each HTTP figure was measured right after the same
service's trivial endpoint, in the same run, under the same neighbours.

## The machine

| | |
|---|---|
| CPU | $cpu, \`nproc\` = $(nproc) |
| memory | $MEM_INFO (\`free -h\`) |
| Java | $(java -version 2>&1 | head -2 | tr '\n' ' ' | md_escape) |
| wrk | $(wrk -v 2>&1 | head -1 | md_escape) |
| load average (1 min) during the run | $(load_summary) — every reading below |

wrk runs on the same two cores as the services and PostgreSQL: the load generator takes its share of the CPU, as
it would on any one-machine test. The CPU column of each wrk run shows where the two cores went.

## Targets

$(targets_table)

## Figures

$(figures_table)

Load average (1, 5, 15 min) when each step began:

\`\`\`
$(printf '%s\n' "${LOADS[@]}")
\`\`\`

## Profiles

The first visit's \`GET /api/arena/match\` is always profiled (no target, but it is a visitor's first page and
the costliest read); the leaderboard and the votes are profiled when they miss their target.

$(if [ ${#PROFILE[@]} -eq 0 ]; then
    echo "No profile was taken in this run."
  else
    for name in "${!PROFILE[@]}"; do
      echo "### $(endpoint_of "$name")"
      echo
      echo "A 20 s JFR recording of the arena (\`jcmd <pid> JFR.start duration=20s settings=profile\`) while wrk repeated"
      echo "the run (${RPS[profiled-$name]} req/s under the recorder; ${CPU[profiled-$name]}), summarised by"
      echo "\`java -jar benchmarks/target/autobench-benchmarks.jar jfr-hotspots --file <recording>\`:"
      echo
      echo '```'
      printf '%s\n' "${PROFILE[$name]}"
      echo '```'
      echo
    done
  fi)

$(cat "$BENCH/analysis.md" 2>/dev/null || true)

## How to reproduce

\`\`\`bash
./autobench bench               # the whole suite: build if needed, bench stack, wrk, module benchmarks, this file
./autobench bench --no-write    # the same, without rewriting docs/benchmarks.md
\`\`\`

It needs a JDK 17+ and \`wrk\` (installed with apt-get when missing and run as root), and ports 8080-8083 and
$AUTOBENCH_DB_PORT free: it starts its own stack (\`AUTOBENCH_HOME=.autobench-bench AUTOBENCH_DB_PORT=$AUTOBENCH_DB_PORT
./autobench start --reset\`) and stops it at the end, whatever happens. Raw outputs (every wrk report, the
modules' logs, the JFR recordings) are left in \`.autobench-bench/results/\`. See \`bench/README.md\` for what each
step does.

The bench stack differs from a production arena in exactly these settings, so that one load generator can act as
many visitors: the demo models play (never a paid provider) and each demo call takes 1 s
(\`AUTOBENCH_DEMO_LATENCY=1s\`); \`AUTOBENCH_ARENA_RATE_LIMIT_*\` are raised far above the load;
\`AUTOBENCH_ARENA_MIN_VIEW_TIME=0s\` (votes cast at once are counted); \`QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1/32\`, and
every simulated voter sends its own \`X-Forwarded-For\` address, as an ingress would, so that votes do not all queue
on one IP's lock. The per-voter and per-IP checks still run on every vote: only their thresholds are raised.

## Native images

All figures are JVM mode (\`java -jar target/quarkus-app/quarkus-run.jar\`; each relaunched service sized as in its
container, \`-XX:MaxRAM=<limit> -XX:MaxRAMPercentage=50\`). Native
launch times and memory need a machine with GraalVM or Mandrel to build the images
(\`./mvnw package -Dnative -pl <service> -am\`); this machine cannot install \`native-image\`, so **no native figure
has been measured here**.
EOF
}
