#!/usr/bin/env bash
# Backup and restore drill on a local PostgreSQL (base backup + archived WAL lose no vote): the "drill" command of
# the benchmark CLI. Needs PostgreSQL's server binaries (Debian: apt-get install postgresql; PGBIN to choose them).
#   scripts/backup-restore-drill.sh [--votes-before 2000] [--votes-after 500]
exec "$(dirname "$0")/../bench/cli.sh" drill "$@"
