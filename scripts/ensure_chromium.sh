#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium. Install it when it is
# missing (CI machines start clean); do nothing when it is already there.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure_chromium: $CHROMIUM is missing and apt-get is not available; install Chromium and set CHROMIUM=/path/to/chromium" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi
echo "ensure_chromium: installing chromium with apt-get" >&2
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
test -x "$CHROMIUM" || { echo "ensure_chromium: $CHROMIUM still missing after apt-get install" >&2; exit 1; }
