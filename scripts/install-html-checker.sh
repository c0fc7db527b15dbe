#!/usr/bin/env bash
# Installs what the HTML check (tests/test_html_validity.py) needs, when it is missing and we can: Debian's
# Java, which runs the Nu Html Checker, and Debian's npm, which fetches the checker (package.json).
# Called by `make test`. The checker's own download of a Java runtime is never run (npm ci --ignore-scripts).
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The HTML check needs Debian's ${missing[*]}, and it is missing." >&2
  echo "Install it as root, then run make test again:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "The HTML check needs ${missing[*]} (Java 11 or later, and npm), and this machine has no apt-get to install it." >&2
  echo "Install them there, then run make test again." >&2
  exit 1
fi

echo "Installing Debian's ${missing[*]} for the HTML check..."
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${missing[@]}"
