#!/usr/bin/env bash
# Backs up a running Gongkai platform into one zip (see README "Backup and restore").
#   scripts/backup.sh [-o FILE] [--postgres CONNINFO]
# Environment: GONGKAI_URL (default http://127.0.0.1:8080), GONGKAI_BACKUP_USER (default admin),
# GONGKAI_BACKUP_PASSWORD (an ADMIN's password; required). With --postgres, pg_dump -Fc of CONNINFO (a libpq
# URI or "dbname=..."; PGPASSWORD etc. as usual) is added to the archive as postgres.dump.
set -euo pipefail
out="gongkai-backup-$(date -u +%Y%m%d-%H%M%S).zip"
pg=""
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    --postgres) pg="$2"; shift 2 ;;
    *) echo "usage: $0 [-o FILE] [--postgres CONNINFO]" >&2; exit 2 ;;
  esac
done
: "${GONGKAI_BACKUP_PASSWORD:?set GONGKAI_BACKUP_PASSWORD to an ADMIN password}"
url="${GONGKAI_URL:-http://127.0.0.1:8080}"
user="${GONGKAI_BACKUP_USER:-admin}"
[ -e "$out" ] && { echo "refusing to overwrite $out" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077  # the archive holds the ledger's private key

if [ -n "$pg" ]; then
  # The dump first, then the files: attachments are only ever added, so each one the dump names is in the files.
  pg_dump -Fc --no-owner -d "$pg" -f "$work/postgres.dump"
fi
# The password goes to curl on stdin, not on its command line (visible in ps).
printf 'user = "%s:%s"\n' "$user" "$GONGKAI_BACKUP_PASSWORD" | \
  curl -sS --fail-with-body -K - -X POST -o "$work/archive.zip" "$url/api/v1/admin/backup"
unzip -tq "$work/archive.zip" >/dev/null
if [ -n "$pg" ]; then
  (cd "$work" && unzip -q archive.zip SHA256SUMS && sha256sum postgres.dump >> SHA256SUMS \
    && zip -q archive.zip postgres.dump SHA256SUMS)
fi
mv "$work/archive.zip" "$out"
echo "$out"
