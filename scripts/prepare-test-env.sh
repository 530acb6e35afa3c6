#!/usr/bin/env bash
# Prepares this machine for the full test suite, idempotently:
#  - Debian's chromium and chromium-driver (browser tests) and a CJK font (readable screenshots);
#  - a PostgreSQL server answering at 127.0.0.1:5432 as user postgres without a password, with a database "test".
# Needs root (or sudo) on Debian. Does nothing that is already done.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

log() { echo "[prepare-test-env] $*"; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated = 0 ]; then
    log "apt-get update"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Browser tests: never let a tool download a browser; Debian's packages only.
apt_install chromium chromium-driver fonts-noto-cjk
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing); driver: $(/usr/bin/chromedriver --version 2>/dev/null | head -c 40 || echo missing)"

pg_answers() {
  psql "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3" -tAc 'SELECT 1' >/dev/null 2>&1
}

if ! command -v psql >/dev/null 2>&1 || ! pg_answers; then
  apt_install postgresql
  if ! pg_answers; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    conf=/etc/postgresql/$version/main
    # Tests connect over TCP as postgres without a password, like the machines this project runs on.
    if ! $SUDO grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
      log "allowing trust authentication from 127.0.0.1 for the test server"
      $SUDO sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$conf/pg_hba.conf"
    fi
    log "starting PostgreSQL $version"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload
    for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  fi
fi
pg_answers || { log "PostgreSQL does not answer at 127.0.0.1:5432"; exit 1; }
if [ "$(psql "host=127.0.0.1 user=postgres dbname=postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='test'")" != "1" ]; then
  psql "host=127.0.0.1 user=postgres dbname=postgres" -qc 'CREATE DATABASE test'
fi
log "PostgreSQL answers at 127.0.0.1:5432"
