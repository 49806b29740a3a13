#!/usr/bin/env bash
# Install what the test suite needs outside Python: Debian's Chromium (for Playwright;
# never `playwright install`, which downloads browsers) and PostgreSQL server binaries.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Tes membutuhkan paket Debian: ${need[*]}. Jalankan sebagai root: apt-get install -y ${need[*]}" >&2
  echo "The tests need these Debian packages: ${need[*]}. As root: apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Memasang ${need[*]} dari Debian…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
