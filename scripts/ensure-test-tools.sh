#!/usr/bin/env bash
# Install what the test suite needs outside Python: Debian's Chromium (for Playwright;
# never `playwright install`, which downloads browsers), PostgreSQL server binaries, nginx, and the
# Pango/HarfBuzz libraries and fonts WeasyPrint needs to render service products as PDF.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The production smoke test serves the app through nginx exactly as docs/operations.md does.
[ -x /usr/sbin/nginx ] || need+=(nginx)
# ...with a throwaway TLS certificate made by openssl.
command -v openssl >/dev/null 2>&1 || need+=(openssl)
for lib in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
           libharfbuzz-subset.so.0:libharfbuzz-subset0; do
  ldconfig -p | grep -q "${lib%%:*}" || need+=("${lib##*:}")
done
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
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
