#!/usr/bin/env bash
# Makes sure PostgreSQL and NATS (with JetStream) answer on the addresses Ärende uses.
# Starts the local servers when they are installed but stopped; otherwise says what to install.
set -euo pipefail

PGHOST_=${PGHOST:-127.0.0.1}
PGPORT_=${PGPORT:-5432}
NATS_HOST=${NATS_HOST:-127.0.0.1}
NATS_PORT=${NATS_PORT:-4222}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 60); do port_open "$1" "$2" && return 0; sleep 0.5; done
  return 1
}

if ! port_open "$PGHOST_" "$PGPORT_"; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "PostgreSQL is not answering on $PGHOST_:$PGPORT_; starting the local cluster"
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_port "$PGHOST_" "$PGPORT_" || { echo "PostgreSQL did not start" >&2; exit 1; }
  else
    echo "PostgreSQL is not installed. Install it with: apt-get update && apt-get install -y postgresql" >&2
    echo "(local trust authentication for user postgres on 127.0.0.1, or set DATABASE_URL)" >&2
    exit 1
  fi
fi

if ! port_open "$NATS_HOST" "$NATS_PORT"; then
  if [ -x /usr/sbin/nats-server ] || command -v nats-server >/dev/null 2>&1; then
    echo "NATS is not answering on $NATS_HOST:$NATS_PORT; starting nats-server with JetStream"
    bin=$(command -v nats-server || echo /usr/sbin/nats-server)
    mkdir -p /var/lib/nats-server
    start-stop-daemon --start --oknodo --background --exec "$bin" -- \
      -a 127.0.0.1 -p "$NATS_PORT" -js -sd /var/lib/nats-server -l /var/log/nats-server.log
    wait_port "$NATS_HOST" "$NATS_PORT" || { echo "NATS did not start" >&2; exit 1; }
  else
    echo "NATS is not installed. Install it with: apt-get update && apt-get install -y nats-server" >&2
    echo "(it must run with JetStream: nats-server -js)" >&2
    exit 1
  fi
fi

# Dovecot: the intake tests start throw-away IMAP servers of their own; the package's system service stays off.
if ! command -v dovecot >/dev/null 2>&1 && [ ! -x /usr/sbin/dovecot ]; then
  echo "Dovecot (IMAP, for the intake tests) is not installed; installing dovecot-imapd"
  log=$(mktemp)
  # policy-rc.d 101 keeps the package from starting its own dovecot service on ports 143/993.
  policy=/usr/sbin/policy-rc.d
  had_policy=false
  [ -e "$policy" ] && had_policy=true
  if [ "$had_policy" = false ] && [ -w /usr/sbin ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"; fi
  installed=false
  if { apt-get install -y -qq --no-install-recommends dovecot-imapd ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends dovecot-imapd; }; } >"$log" 2>&1; then
    installed=true
  fi
  [ "$had_policy" = false ] && rm -f "$policy"
  if [ "$installed" = false ]; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "Could not install Dovecot. Install it with: apt-get update && apt-get install -y --no-install-recommends dovecot-imapd" >&2
    echo "(as root; the tests run it as their own instance on a free port, the system service may stay stopped)" >&2
    exit 1
  fi
  rm -f "$log"
  # Where an init system started it anyway, stop and disable the system instance.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet dovecot 2>/dev/null; then
    systemctl disable --now dovecot >/dev/null 2>&1 || true
  fi
fi
