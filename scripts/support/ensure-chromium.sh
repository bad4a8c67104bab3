#!/usr/bin/env bash
# The browser npm test drives: Debian's Chromium (never a downloaded one). Prints ONE line on stderr saying what
# it did and, when a browser is ready, its path on stdout.
#   found      CHROMIUM_PATH (default /usr/bin/chromium) is executable: use it.
#   installed  missing, running as root with apt-get (as .ci/run does): apt-get update + install chromium.
#   skipped    missing and it may not install (not root, no apt-get, or ENSURE_CHROMIUM_NO_INSTALL=1): exit 3.
# --dry-run (or ENSURE_CHROMIUM_DRY_RUN=1) says what it would do and changes nothing (exit 0 and no path if it would install).
# Exit: 0 ready (or would install), 1 the install failed, 3 skipped.
set -uo pipefail
dry=${ENSURE_CHROMIUM_DRY_RUN:-0}
[ "${1:-}" = "--dry-run" ] && dry=1
want=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$want" ]; then
  echo "chromium: found $want ($("$want" --version 2>/dev/null | head -1 || echo "version unknown"))" >&2
  echo "$want"
  exit 0
fi

if [ "${ENSURE_CHROMIUM_NO_INSTALL:-0}" = "1" ]; then
  echo "chromium: $want is missing and ENSURE_CHROMIUM_NO_INSTALL=1: browser tests skipped (install Debian's chromium or set CHROMIUM_PATH)" >&2
  exit 3
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: $want is missing and this user cannot install it (needs root and apt-get): browser tests skipped (run 'sudo apt-get install -y chromium' or set CHROMIUM_PATH)" >&2
  exit 3
fi
if [ "$dry" = "1" ]; then
  echo "chromium: $want is missing; would run 'apt-get update && apt-get install -y chromium' (dry run: nothing changed)" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1; then
  echo "chromium: $want is missing and 'apt-get install -y chromium' failed: browser tests cannot run" >&2
  exit 1
fi
# Debian installs /usr/bin/chromium; a CHROMIUM_PATH elsewhere falls back to it.
if [ -x "$want" ]; then got=$want; else got=$(command -v chromium || true); fi
if [ -z "$got" ] || ! [ -x "$got" ]; then
  echo "chromium: apt-get installed chromium but no executable was found at $want or on PATH" >&2
  exit 1
fi
echo "chromium: $want was missing; installed Debian's chromium with apt-get ($got, $("$got" --version 2>/dev/null | head -1))" >&2
echo "$got"
exit 0
