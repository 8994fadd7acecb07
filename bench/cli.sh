#!/usr/bin/env bash
# The benchmark CLI (benchmarks/, picocli): bench/cli.sh COMMAND [OPTIONS], e.g. suite, soak, spike, dispatch,
# jfr-hotspots, stored-votes; bench/cli.sh --help lists them. Builds the jar first when its sources changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/benchmarks/target/autobench-benchmarks.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/benchmarks/src/main" "$ROOT/benchmarks/pom.xml" -newer "$JAR" -type f -print -quit)" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl benchmarks package -DskipTests) || { echo "build of benchmarks/ failed" >&2; exit 1; }
fi
cd "$ROOT"
exec java -jar "$JAR" "$@"
