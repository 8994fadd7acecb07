#!/usr/bin/env bash
# A simulated day of visitors against a local AutoBench stack, for N minutes.
#
#   scripts/soak.sh [--minutes 10] [--visitors 30] [--port-base 18080] [--keep]
#
# Starts a stack of its own, beside any ./autobench or benchmark stack: PostgreSQL (the
# autobench-local jar) on 54349 with its data in .autobench-soak/, migrated the way production is,
# and the four packaged services (arena on the base port, generator +1, dispatcher +2, renderer +3)
# with the offline demo models. It runs one day (generate, dispatch, render, pair) through the cron
# endpoints, then lets simulated visitors use the arena: each arrives from an address of its own
# (X-Forwarded-For, trusted for the run), loads the page, takes a match, looks at both artifacts
# and screenshots, votes after a human-like pause, sometimes checks the leaderboard, the tasks or
# the votes export, plays a few rounds and leaves. The pairing and leaderboard CronJobs run every
# minute meanwhile.
#
# Reports: requests, errors (any 5xx, transport error or unexpected status: must be 0), latency
# p50/p99/max per endpoint, and each service's RSS at the start and the end of the visits. Exits
# non-zero on any error. Needs only a JDK and the packaged jars (./mvnw -B package -DskipTests).
# AUTOBENCH_SOAK_JAVA_OPTS is passed to every service JVM (e.g. -Xmx256m to judge memory growth).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MINUTES=10
VISITORS=30
PORT_BASE=18080
KEEP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift ;;
    --visitors) VISITORS="$2"; shift ;;
    --port-base) PORT_BASE="$2"; shift ;;
    --keep) KEEP=1 ;;
    *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift
done

STATE="${AUTOBENCH_SOAK_HOME:-$ROOT/.autobench-soak}"
DB_PORT="${AUTOBENCH_SOAK_DB_PORT:-54349}"
SERVICES=(generator-service dispatcher-service renderer-service arena-service)
port_of() {
  case "$1" in
    arena-service) echo "$PORT_BASE" ;;
    generator-service) echo $((PORT_BASE + 1)) ;;
    dispatcher-service) echo $((PORT_BASE + 2)) ;;
    renderer-service) echo $((PORT_BASE + 3)) ;;
  esac
}

for jar in autobench-local/target/autobench-local.jar generator-service/target/quarkus-app/quarkus-run.jar \
    dispatcher-service/target/quarkus-app/quarkus-run.jar renderer-service/target/quarkus-app/quarkus-run.jar \
    arena-service/target/quarkus-app/quarkus-run.jar; do
  [ -f "$ROOT/$jar" ] || { echo "missing $jar: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
done
for port in "$DB_PORT" "$PORT_BASE" $((PORT_BASE + 1)) $((PORT_BASE + 2)) $((PORT_BASE + 3)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (use --port-base or AUTOBENCH_SOAK_DB_PORT)" >&2; exit 1
  fi
done

rm -rf "$STATE"
mkdir -p "$STATE/logs"
PIDS=()
cleanup() {
  [ -n "$KEEP" ] && { echo "==> left running (pids ${PIDS[*]}); logs in $STATE/logs"; return; }
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  done
}
trap cleanup EXIT

hex() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/autobench"
export QUARKUS_DATASOURCE_USERNAME=autobench QUARKUS_DATASOURCE_PASSWORD=autobench
export AUTOBENCH_CRON_SECRET="$(hex)" AUTOBENCH_ADMIN_TOKEN="$(hex)"
export AUTOBENCH_ARENA_SIGNING_KEY="$(hex)$(hex)" AUTOBENCH_ARENA_IP_HASH_SALT="$(hex)"
export AUTOBENCH_GENERATOR_SELECTION_SECRET="$(hex)$(hex)"
export AUTOBENCH_RENDERER_URL="http://localhost:$(port_of renderer-service)"
export AUTOBENCH_DEMO_ENABLED=true AUTOBENCH_DEMO_LATENCY="${AUTOBENCH_DEMO_LATENCY:-200ms}"
export AUTOBENCH_GENERATOR_SCHEDULE_ENABLED=false AUTOBENCH_ARENA_COOKIE_SECURE=false
export QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1/32
export AUTOBENCH_ARENA_MIN_VIEW_TIME=1s AUTOBENCH_ARENA_COOKIE_MIN_AGE_TO_COUNT=0s
unset OPENAI_API_KEY ANTHROPIC_API_KEY GEMINI_API_KEY DEEPSEEK_API_KEY
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null; then export AUTOBENCH_CHROMIUM_PATH="${AUTOBENCH_CHROMIUM_PATH:-$(command -v "$c")}"; break; fi
done

echo "==> PostgreSQL on 127.0.0.1:$DB_PORT (data in $STATE/pgdata)"
java -jar "$ROOT/autobench-local/target/autobench-local.jar" db --data "$STATE/pgdata" --port "$DB_PORT" \
  > "$STATE/logs/postgres.log" 2>&1 < /dev/null &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q '^ready ' "$STATE/logs/postgres.log" 2>/dev/null && break; sleep 0.5; done
grep -q '^ready ' "$STATE/logs/postgres.log" || { tail -20 "$STATE/logs/postgres.log"; exit 1; }

echo "==> migrating the schema"
QUARKUS_FLYWAY_MIGRATE_AT_START=true QUARKUS_FLYWAY_VALIDATE_AT_START=false QUARKUS_INIT_AND_EXIT=true QUARKUS_HTTP_PORT=0 \
  java -jar "$ROOT/generator-service/target/quarkus-app/quarkus-run.jar" > "$STATE/logs/migrate.log" 2>&1
# as ./autobench does: the migration creates the services' roles, the owner lets each log in
(umask 077; for s in "${SERVICES[@]}"; do echo "autobench_${s%-service}=$(hex)"; done > "$STATE/db-roles.env")
java -jar "$ROOT/autobench-local/target/autobench-local.jar" logins --url "$QUARKUS_DATASOURCE_JDBC_URL" \
  --user autobench --password autobench --passwords "$STATE/db-roles.env" >> "$STATE/logs/migrate.log" 2>&1

declare -A PID_OF
for s in "${SERVICES[@]}"; do
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_USERNAME="autobench_${s%-service}" \
  QUARKUS_DATASOURCE_PASSWORD="$(sed -n "s/^autobench_${s%-service}=//p" "$STATE/db-roles.env")" \
  QUARKUS_HTTP_PORT="$(port_of "$s")" java ${AUTOBENCH_SOAK_JAVA_OPTS:-} -jar "$ROOT/$s/target/quarkus-app/quarkus-run.jar" \
    > "$STATE/logs/$s.log" 2>&1 < /dev/null &
  PIDS=("$!" "${PIDS[@]}")
  PID_OF[$s]=$!
done
for s in "${SERVICES[@]}"; do
  ok=""
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "http://localhost:$(port_of "$s")/q/health/ready" 2>/dev/null; then ok=1; break; fi
    sleep 0.5
  done
  [ -n "$ok" ] || { tail -30 "$STATE/logs/$s.log"; exit 1; }
  echo "==> $s ready on :$(port_of "$s")"
done

cron() { curl -fsS -X POST -H "x-cron-secret: $AUTOBENCH_CRON_SECRET" "http://localhost:$(port_of "$1")$2"; echo; }
echo "==> one day: $(cron generator-service /api/generate)" | cut -c1-200
echo "==> dispatch: $(cron dispatcher-service /api/dispatch)"
echo "==> render: $(cron renderer-service /api/render)"
echo "==> pair: $(cron arena-service /api/pairs/generate)"

rss() {
  local s
  for s in "${SERVICES[@]}"; do
    printf '%s=%s ' "$s" "$(awk '/VmRSS/ {print $2}' "/proc/${PID_OF[$s]}/status" 2>/dev/null || echo 0)"
  done
}

WORK="$(mktemp -d)"
cat > "$WORK/Soak.java" <<'JAVA'
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.regex.*;

public class Soak {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ARENA = System.getProperty("arena");
    static final Map<String, List<Long>> LATENCY = new ConcurrentHashMap<>();
    static final AtomicLong REQUESTS = new AtomicLong(), ERRORS = new AtomicLong(), VOTES = new AtomicLong();
    static final List<String> SAMPLES = Collections.synchronizedList(new ArrayList<>());
    static final Pattern FIELD = Pattern.compile("\"(matchId|voteToken|artifactUrl|screenshotUrl)\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(Long.parseLong(args[0]));
        int visitors = Integer.parseInt(args[1]);
        String cron = args[2];
        ExecutorService pool = Executors.newFixedThreadPool(visitors + 1);
        pool.submit(() -> { while (System.nanoTime() < end) { cron("/api/pairs/generate", cron); cron("/api/leaderboard/recompute", cron); sleep(60_000, end); } });
        for (int i = 0; i < visitors; i++) {
            int id = i;
            pool.submit(() -> { Random r = new Random(id); while (System.nanoTime() < end) visit(r, end); });
        }
        pool.shutdown();
        pool.awaitTermination(Long.parseLong(args[0]) + 2, TimeUnit.MINUTES);
        System.out.printf("requests=%d votes=%d errors=%d%n", REQUESTS.get(), VOTES.get(), ERRORS.get());
        List<Long> all = new ArrayList<>();
        LATENCY.forEach((k, v) -> all.addAll(v));
        System.out.println("endpoint                      count     p50 ms   p99 ms   max ms");
        new TreeMap<>(LATENCY).forEach((k, v) -> print(k, v));
        print("ALL", all);
        SAMPLES.stream().limit(10).forEach(s -> System.out.println("error: " + s));
        System.exit(ERRORS.get() == 0 ? 0 : 1);
    }

    static void print(String name, List<Long> values) {
        List<Long> v = new ArrayList<>(values);
        Collections.sort(v);
        if (v.isEmpty()) return;
        System.out.printf("%-28s %7d %9.1f %8.1f %8.1f%n", name, v.size(), v.get(v.size() / 2) / 1e6,
                v.get((int) Math.min(v.size() - 1, Math.ceil(v.size() * 0.99) - 1)) / 1e6, v.get(v.size() - 1) / 1e6);
    }

    static void visit(Random r, long end) {
        String ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String[] cookie = {null};
        call("GET /", get("/", ip, cookie), Set.of(200), cookie);
        int rounds = 1 + r.nextInt(8);
        for (int i = 0; i < rounds && System.nanoTime() < end; i++) {
            HttpResponse<String> match = call("GET /api/arena/match", get("/api/arena/match", ip, cookie), Set.of(200, 204), cookie);
            if (match == null || match.statusCode() != 200) break;
            Map<String, List<String>> f = new HashMap<>();
            Matcher m = FIELD.matcher(match.body());
            while (m.find()) f.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            for (String url : f.getOrDefault("artifactUrl", List.of())) call("GET /api/artifacts/{id}", get(url, ip, cookie), Set.of(200), cookie);
            for (String url : f.getOrDefault("screenshotUrl", List.of())) call("GET screenshot", get(url, ip, cookie), Set.of(200, 404), cookie);
            sleep(1200 + r.nextInt(4000), end);
            String outcome = List.of("left", "right", "tie", "both_bad").get(r.nextInt(4));
            HttpRequest.Builder vote = request("/api/arena/votes", ip, cookie).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"voteToken\":\"" + f.get("voteToken").get(0) + "\",\"outcome\":\"" + outcome + "\"}"));
            if (call("POST /api/arena/votes", vote, Set.of(201), cookie) != null) VOTES.incrementAndGet();
            if (r.nextInt(4) == 0) call("GET /api/leaderboard", get("/api/leaderboard", ip, cookie), Set.of(200), cookie);
            if (r.nextInt(10) == 0) call("GET /api/tasks/today", get("/api/tasks/today", ip, cookie), Set.of(200), cookie);
            if (r.nextInt(50) == 0) call("GET /api/export/votes", get("/api/export/votes", ip, cookie), Set.of(200), cookie);
        }
        sleep(r.nextInt(3000), end);
    }

    static HttpRequest.Builder request(String path, String ip, String[] cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : ARENA + path))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", ip);
        if (cookie[0] != null) b.header("Cookie", cookie[0]);
        return b;
    }

    static HttpRequest.Builder get(String path, String ip, String[] cookie) { return request(path, ip, cookie).GET(); }

    static HttpResponse<String> call(String name, HttpRequest.Builder request, Set<Integer> expected, String[] cookie) {
        long start = System.nanoTime();
        REQUESTS.incrementAndGet();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            LATENCY.computeIfAbsent(name, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
            response.headers().firstValue("Set-Cookie").ifPresent(c -> cookie[0] = c.substring(0, c.indexOf(';')));
            if (!expected.contains(response.statusCode())) {
                ERRORS.incrementAndGet();
                SAMPLES.add(name + " -> " + response.statusCode() + " " + response.body().substring(0, Math.min(200, response.body().length())));
                return null;
            }
            return response;
        } catch (Exception e) {
            ERRORS.incrementAndGet();
            SAMPLES.add(name + " -> " + e);
            return null;
        }
    }

    static void cron(String path, String secret) {
        call("POST " + path, HttpRequest.newBuilder(URI.create(ARENA + path)).timeout(Duration.ofSeconds(60))
                .header("x-cron-secret", secret).POST(HttpRequest.BodyPublishers.noBody()), Set.of(200), new String[1]);
    }

    static void sleep(long ms, long end) {
        try { Thread.sleep(Math.max(0, Math.min(ms, (end - System.nanoTime()) / 1_000_000))); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
JAVA

echo "==> soak: $VISITORS concurrent visitors for $MINUTES min"
RSS_START="$(rss)"
set +e
java -Darena="http://localhost:$PORT_BASE" "$WORK/Soak.java" "$MINUTES" "$VISITORS" "$AUTOBENCH_CRON_SECRET"
STATUS=$?
set -e
RSS_END="$(rss)"
echo "==> RSS (KiB) at start: $RSS_START"
echo "==> RSS (KiB) at end:   $RSS_END"
for s in generator-service dispatcher-service renderer-service arena-service; do
  a=$(echo "$RSS_START" | sed -n "s/.*$s=\([0-9]*\).*/\1/p"); b=$(echo "$RSS_END" | sed -n "s/.*$s=\([0-9]*\).*/\1/p")
  echo "    $s: $((a / 1024)) MiB -> $((b / 1024)) MiB ($(((b - a) / 1024)) MiB)"
done
rm -rf "$WORK"
exit "$STATUS"
