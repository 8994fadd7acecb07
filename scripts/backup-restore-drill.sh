#!/usr/bin/env bash
# Backup and restore drill: what the production backups (CloudNativePG, Barman Cloud: a base backup
# plus continuous WAL archiving) promise, proved on a local PostgreSQL.
#
#   scripts/backup-restore-drill.sh [--votes-before 2000] [--votes-after 500]
#
# 1. A primary with WAL archiving on (archive_command copies each segment to an archive folder,
#    which stands in for the object store) and a votes table shaped like the real one.
# 2. Votes, then a base backup (pg_basebackup -X none: like barman-cloud-backup, the WAL comes from
#    the archive only), then more votes in separate commits after it, then the current WAL segment
#    is closed and archived (CloudNativePG's archive_timeout does this every 5 minutes).
# 3. The primary is destroyed. The base backup is restored into a second data directory, which
#    replays the archived WAL to its end and is promoted, as CloudNativePG's recovery bootstrap does.
# 4. Every vote committed on the primary is in the restored cluster: same count, same rows (md5 of
#    every row in id order). Prints "no vote lost" and exits 0, or the difference and exits 1.
#
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql; PGBIN to choose them).
# Runs as root too (PostgreSQL itself then runs as the postgres user). Uses Unix sockets only, in
# its own temporary folder, so it collides with no port and leaves nothing behind.
set -euo pipefail

VOTES_BEFORE=2000
VOTES_AFTER=500
while [ $# -gt 0 ]; do
  case "$1" in
    --votes-before) VOTES_BEFORE="$2"; shift ;;
    --votes-after) VOTES_AFTER="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (set PGBIN, or apt-get install postgresql)" >&2
  exit 3
fi

WORK="$(mktemp -d /tmp/autobench-drill.XXXXXX)"
PRIMARY="$WORK/primary"; RESTORED="$WORK/restored"; BASE="$WORK/base-backup"
ARCHIVE="$WORK/wal-archive"; SOCK="$WORK/sock"
mkdir -p "$ARCHIVE" "$SOCK"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown -R postgres "$WORK"; fi

cleanup() {
  for d in "$PRIMARY" "$RESTORED"; do
    if [ -f "$d/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true; fi
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '== %s\n' "$*"; }
sql() { as_pg "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$SOCK" -p "$1" -U autobench -d autobench -c "$2"; }

# Wait for a condition with a generous deadline (the machine may be busy): never a fixed sleep.
wait_for() {
  local what="$1" deadline=$((SECONDS + 300)); shift
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then echo "timed out waiting for $what" >&2; exit 1; fi
    sleep 0.5
  done
}

start() {
  as_pg "$PGBIN/pg_ctl" -D "$1" -l "$1.log" -w -t 300 start >/dev/null
}

say "primary with WAL archiving ($PGBIN)"
as_pg "$PGBIN/initdb" -D "$PRIMARY" -U autobench --auth=trust >/dev/null
cat >> "$PRIMARY/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$SOCK'
port = 5432
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
CONF
start "$PRIMARY"
as_pg "$PGBIN/createdb" -h "$SOCK" -p 5432 -U autobench autobench
sql 5432 "CREATE TABLE votes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    match_id    uuid NOT NULL,
    voter_key   text NOT NULL,
    outcome     text NOT NULL CHECK (outcome IN ('left', 'right', 'tie', 'both_bad')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (match_id, voter_key))"

vote() { # $1 = number of votes, each its own commit
  local i
  for ((i = 0; i < $1; i += 100)); do
    sql 5432 "INSERT INTO votes (match_id, voter_key, outcome)
              SELECT gen_random_uuid(), 'voter-' || g, (ARRAY['left','right','tie','both_bad'])[1 + g % 4]
              FROM generate_series(1, LEAST(100, $1 - $i)) g"
  done
}

say "$VOTES_BEFORE votes before the base backup"
vote "$VOTES_BEFORE"

say "base backup (pg_basebackup -X none: its WAL comes from the archive, as with barman-cloud)"
as_pg "$PGBIN/pg_basebackup" -h "$SOCK" -p 5432 -U autobench -D "$BASE" -X none -c fast

say "$VOTES_AFTER votes after the base backup, in commits of 100 or fewer"
vote "$VOTES_AFTER"

LAST_WAL="$(sql 5432 "SELECT pg_walfile_name(pg_switch_wal())")"
say "closed WAL segment $LAST_WAL; waiting for it to be archived"
wait_for "the archive of $LAST_WAL" test -f "$ARCHIVE/$LAST_WAL"

EXPECTED_COUNT="$(sql 5432 "SELECT count(*) FROM votes")"
EXPECTED_SUM="$(sql 5432 "SELECT md5(string_agg(v::text, ',' ORDER BY id)) FROM votes v")"

say "the primary is lost"
as_pg "$PGBIN/pg_ctl" -D "$PRIMARY" -m immediate stop >/dev/null
rm -rf "$PRIMARY"

say "restore: base backup + WAL replay from the archive to its end, then promotion"
as_pg cp -a "$BASE" "$RESTORED"
cat >> "$RESTORED/postgresql.conf" <<CONF
port = 5433
restore_command = 'cp $ARCHIVE/%f %p'
archive_mode = off
CONF
as_pg touch "$RESTORED/recovery.signal"
start "$RESTORED"
wait_for "the restored cluster to finish recovery" \
  bash -c "[ \"\$(${PGBIN}/psql -X -A -t -h $SOCK -p 5433 -U autobench -d autobench -c 'SELECT pg_is_in_recovery()' 2>/dev/null)\" = f ]"

RESTORED_COUNT="$(sql 5433 "SELECT count(*) FROM votes")"
RESTORED_SUM="$(sql 5433 "SELECT md5(string_agg(v::text, ',' ORDER BY id)) FROM votes v")"
echo "votes on the primary: $EXPECTED_COUNT (md5 $EXPECTED_SUM)"
echo "votes restored:       $RESTORED_COUNT (md5 $RESTORED_SUM)"
if [ "$EXPECTED_COUNT" = "$RESTORED_COUNT" ] && [ "$EXPECTED_SUM" = "$RESTORED_SUM" ] \
   && [ "$EXPECTED_COUNT" = "$((VOTES_BEFORE + VOTES_AFTER))" ]; then
  echo "no vote lost: $RESTORED_COUNT of $EXPECTED_COUNT votes restored, $VOTES_AFTER of them from WAL written after the base backup"
else
  echo "VOTES LOST OR CHANGED" >&2
  exit 1
fi
