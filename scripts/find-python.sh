#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (Django 6 needs it), or explain and fail.
# pyenv shims are not trusted: a non-interactive shell may not have pyenv initialised,
# and a shim may exist for a version that is not selected. Each candidate is run.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
for name in python3.14 python3.13 python3.12 python3; do
  path=$(command -v "$name" 2>/dev/null) && candidates+=("$path")
done
for path in $(ls -d "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python /usr/local/bin/python3.1[2-9] /usr/bin/python3.1[2-9] 2>/dev/null | sort -rV); do
  candidates+=("$path")
done
for candidate in "${candidates[@]}"; do
  if ok "$candidate"; then
    "$candidate" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
echo "Pelita membutuhkan Python 3.12 atau lebih baru, dan tidak ada yang ditemukan." >&2
echo "Pelita needs Python >= 3.12; none found. Install one (e.g. apt-get install python3.12 or pyenv install 3.13)" >&2
echo "or point PYTHON=/path/to/python3.12 at it." >&2
exit 1
