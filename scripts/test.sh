#!/usr/bin/env bash
# Runs every test (called by `./parley test`, which has already found a JDK 25).
#
# On Debian as root it first installs what the tests need and is missing (PostgreSQL,
# Chromium, sipp, baresip, ffmpeg, and Node.js with npm, which build the browser SDK). It starts a
# private PostgreSQL for the tests that need one, on a free loopback port in a temporary
# directory, and stops and removes it afterwards, whatever the outcome.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/postgres.sh
. "$ROOT/scripts/lib/postgres.sh"

say() { printf 'parley test: %s\n' "$*" >&2; }

is_debian_root() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; }

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    apt_updated=yes
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

install_test_dependencies() {
  local missing=()
  [ -n "$(pg_bin_dir)" ] || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)   # builds the browser SDK (sdk/js)
  command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)  # phones and carriers in the SIP tests
  command -v baresip >/dev/null 2>&1 || missing+=(baresip-core)  # a phone that speaks Opus
  command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)  # reads recordings; composes them
  [ ${#missing[@]} -eq 0 ] && return 0
  if is_debian_root; then
    apt_install "${missing[@]}"
  else
    say "missing: ${missing[*]}. Install them (Debian: apt-get install ${missing[*]}) or run as root on Debian."
    exit 1
  fi
}

install_test_dependencies
start_postgres
trap stop_postgres EXIT

cd "$ROOT"
say "running every test (PostgreSQL on port $PG_PORT)"
PARLEY_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
PARLEY_TEST_PG_USER="$PG_USER" \
PARLEY_TEST_REQUIRE_PG=1 \
PARLEY_TEST_REQUIRE_BROWSER=1 \
PARLEY_TEST_REQUIRE_SIPP=1 \
PARLEY_TEST_REQUIRE_FFMPEG=1 \
  ./mvnw -B -ntp verify "$@"
