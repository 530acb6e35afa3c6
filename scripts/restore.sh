#!/usr/bin/env bash
# Restores a Gongkai backup onto an EMPTY data folder while the platform is stopped (README "Backup and restore").
#   scripts/restore.sh ARCHIVE DATA_DIR [--postgres CONNINFO]
# Checks every entry against the archive's SHA256SUMS first and refuses a non-empty data folder. With --postgres,
# pg_restore loads postgres.dump into the database CONNINFO, which must be empty (created, no tables).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 ARCHIVE DATA_DIR [--postgres CONNINFO]" >&2; exit 2; }
archive=$(realpath "$1"); data="$2"; shift 2
pg=""
if [ $# -gt 0 ]; then
  [ "$1" = "--postgres" ] && [ $# -eq 2 ] || { echo "usage: $0 ARCHIVE DATA_DIR [--postgres CONNINFO]" >&2; exit 2; }
  pg="$2"
fi
fail() { echo "restore: $*" >&2; exit 1; }
if [ -e "$data" ] && [ -n "$(ls -A "$data")" ]; then
  fail "$data is not empty; restore only onto an empty folder"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077
unzip -q "$archive" -d "$work/x" || fail "cannot read $archive"
cd "$work/x"
[ -f SHA256SUMS ] && [ -f manifest.json ] || fail "not a Gongkai backup (no SHA256SUMS or manifest.json)"
sha256sum --quiet --strict -c SHA256SUMS || fail "the archive does not match its SHA256SUMS (damaged or altered)"
# Nothing may be in the archive that the sums do not cover.
listed=$(cut -c67- SHA256SUMS | sort)
present=$(find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort)
[ "$listed" = "$present" ] || fail "the archive holds files that SHA256SUMS does not list"
grep -Eq '"format" *: *1[^0-9]' manifest.json || fail "unknown archive format: $(head -c 300 manifest.json)"
if grep -Eq '"database" *: *"h2"' manifest.json; then
  [ -z "$pg" ] || fail "this archive holds an H2 database; restore it without --postgres"
  [ -f db/h2-backup.zip ] || fail "db/h2-backup.zip missing"
else
  [ -n "$pg" ] || fail "this archive comes from an external database; give --postgres CONNINFO"
  [ -f postgres.dump ] || fail "postgres.dump missing (was it made with scripts/backup.sh --postgres?)"
fi
if [ -n "$pg" ]; then
  tables=$(psql -X -A -t -d "$pg" -c "select count(*) from information_schema.tables where table_schema not in ('pg_catalog','information_schema')")
  [ "$tables" = "0" ] || fail "the database already holds $tables tables; restore only into an empty database"
  pg_restore --no-owner --exit-on-error -d "$pg" postgres.dump
fi
mkdir -p "$data"
data=$(realpath "$data")
if [ -f db/h2-backup.zip ]; then
  mkdir -p "$data/db"
  unzip -q db/h2-backup.zip -d "$data/db"
fi
for entry in *; do
  case "$entry" in
    db|SHA256SUMS|manifest.json|postgres.dump) ;;
    *) cp -a "$entry" "$data/" ;;
  esac
done
# The ledger key pair: readable by the owner only, as the platform makes it.
if [ -d "$data/ledger" ]; then chmod 700 "$data/ledger"; chmod 600 "$data"/ledger/*; fi
echo "restored into $data; start the platform on it (search rebuilds its index at start)"
