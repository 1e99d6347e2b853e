#!/usr/bin/env bash
# Benchmark: `voorwie overzicht` over many session files.
#
# Generates N random valid sessions (default 100000) and measures the wall
# time and peak memory of `voorwie overzicht DIR --format json`, and of the
# same over a tenth of the files, to show that memory does not grow with the
# number of sessions. Needs python3 and GNU time (/usr/bin/time); uses
# hyperfine when installed.
#
#   benches/overzicht.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
cargo build --release --quiet
BIN=target/release/voorwie
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$BIN" kaart --format json > "$WORK/kaart.json"
echo "generating $N sessions ..."
python3 benches/gen_sessions.py "$WORK/kaart.json" "$WORK/all" "$N"
mkdir -p "$WORK/tenth"
for d in $(ls "$WORK/all" | head -n $(( (N + 9999) / 10000 ))); do cp -r "$WORK/all/$d" "$WORK/tenth/"; done
echo "machine: $(nproc) cores, $(uname -m)"

measure() {
    local dir=$1 label=$2
    # Warm the page cache once, as a second run in practice would be.
    "$BIN" overzicht "$dir" --format json > /dev/null
    /usr/bin/time -f "$label: %e s wall, %M KB peak RSS" "$BIN" overzicht "$dir" --format json > /dev/null
}
measure "$WORK/tenth" "$(find "$WORK/tenth" -name '*.yaml' | wc -l) sessions"
measure "$WORK/all" "$N sessions"
/usr/bin/time -f "$N sessions as csv: %e s wall, %M KB peak RSS" "$BIN" overzicht "$WORK/all" --format csv > /dev/null

if command -v hyperfine > /dev/null; then
    hyperfine --warmup 1 --runs 5 "$BIN overzicht $WORK/all --format json"
fi
