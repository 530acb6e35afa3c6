#!/usr/bin/env bash
# Prepares this machine for the full test suite, idempotently:
#  - Debian's chromium and chromium-driver (browser tests) and a CJK font (readable screenshots);
#  - a PostgreSQL server answering at 127.0.0.1:5432 as user postgres without a password, with a database "test";
#  - a RabbitMQ broker answering AMQP at 127.0.0.1:5672 (user guest, which RabbitMQ admits from localhost only).
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

# An AMQP 0-9-1 broker answers the protocol header with a method frame (type 1): a port that merely accepts is not one.
rabbit_answers() {
  timeout 5 bash -c 'exec 3<>/dev/tcp/127.0.0.1/5672 && printf "AMQP\x00\x00\x09\x01" >&3 \
    && [ "$(head -c 1 <&3 | od -An -tx1 | tr -d " \n")" = "01" ]' 2>/dev/null
}

if ! rabbit_answers; then
  apt_install rabbitmq-server
  if ! rabbit_answers; then
    # No systemd on these machines: the Debian init script (told not to hand over to systemctl), else the server's
    # own detached start. Either may find the node half started; the wait below decides.
    log "starting RabbitMQ"
    if [ -x /etc/init.d/rabbitmq-server ]; then
      $SUDO env _SYSTEMCTL_SKIP_REDIRECT=1 /etc/init.d/rabbitmq-server start >/dev/null 2>&1 \
        || $SUDO rabbitmq-server -detached >/dev/null 2>&1 || true
    else
      $SUDO rabbitmq-server -detached >/dev/null 2>&1 || true
    fi
    for _ in $(seq 1 60); do rabbit_answers && break; sleep 1; done
  fi
fi
rabbit_answers || { log "RabbitMQ does not answer at 127.0.0.1:5672 (see /var/log/rabbitmq)"; exit 1; }
log "RabbitMQ answers at 127.0.0.1:5672"
