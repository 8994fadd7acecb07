#!/usr/bin/env bash
# ./autobench bench [--no-write] [--duration 15s] [--skip-modules] [--report-only] [--help for the rest]
# The benchmark suite is the "suite" command of the benchmark CLI (benchmarks/); see bench/README.md.
# It needs wrk, installed here with apt-get when missing and run as root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "==> installing wrk (apt-get)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is needed: sudo apt-get install wrk (Debian/Ubuntu), or build it from https://github.com/wg/wrk" >&2
    exit 1
  fi
fi
exec "$ROOT/bench/cli.sh" suite "$@"
