#!/usr/bin/env bash
# A simulated day of visitors against a stack of its own for N minutes: the "soak" command of the benchmark CLI.
#   scripts/soak.sh [--minutes 10] [--visitors 30] [--port-base 18080] [--keep] [--help for the rest]
exec "$(dirname "$0")/../bench/cli.sh" soak "$@"
