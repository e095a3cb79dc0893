#!/usr/bin/env bash
# Installs the system browsers the end-to-end tests, the bench and the demo drive, when missing
# (Debian/Ubuntu: chromium + firefox-esr). Browsers are never downloaded by npm packages.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
