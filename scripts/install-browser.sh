#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, when it is missing and we can.
# Called by `make test`. Playwright never downloads a browser of its own: the tests launch
# /usr/bin/chromium through executable_path.
set -euo pipefail

CHROMIUM="${MANUAL_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Chromium at $CHROMIUM, and it is missing." >&2
  echo "Install Debian's package as root, then run make test again:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need Chromium at $CHROMIUM, and this machine has no apt-get to install it." >&2
  echo "Install Chromium there, or set MANUAL_CHROMIUM to where it is." >&2
  exit 1
fi

echo "Installing Debian's Chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
