#!/usr/bin/env bash
# Wall time and peak memory of the one-command demo on a fresh data directory (the build is done
# first and not timed). Arguments go to `convergence demo`, e.g. --rows 50000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(mktemp -d)/convergence-data"
"$root/convergence" --version >/dev/null
/usr/bin/time -f 'demo wall time %e s, peak RSS %M KiB, user %U s, system %S s' \
  "$root/convergence" demo --data-dir "$data" "$@" | tail -n 16
echo "data directory: $data ($(du -sh "$data" | cut -f1))"
