#!/usr/bin/env bash
# Renders voorwie's HTML pages in headless Chromium, to look at them as a
# reader would: a PNG of each page, and the pocket card printed to PDF (it
# must be two A5 pages, front and back) with a PNG of each side.
#
# Needs Debian's chromium (apt-get install chromium poppler-utils).
# Usage: scripts/render-html.sh [OUTDIR]   (default: target/html)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/html}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cargo build --release --quiet
bin=target/release/voorwie
$bin start --antwoorden data/voorbeelden/aanmelding-ist.yaml --format html -o "$out/uitkomst.html" --force -q
$bin voorbeeld lara --format html -o "$out/lara.html" --force -q
$bin kaart --format html -o "$out/kaart.html" --force -q
$bin continuum --format html -o "$out/continuum.html" --force -q
$bin continuum coordinatie --format html -o "$out/coordinatie.html" --force -q

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chrome() {
  # No network: these flags keep Chromium from reaching out at start.
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-quic --user-data-dir="$profile" --hide-scrollbars "$@" >/dev/null 2>&1
}
for page in uitkomst lara kaart continuum coordinatie; do
  chrome --window-size=900,2800 --screenshot="$out/$page.png" "file://$out/$page.html"
done
chrome --no-pdf-header-footer --print-to-pdf="$out/kaart.pdf" "file://$out/kaart.html"
if command -v pdfinfo >/dev/null; then
  pdfinfo "$out/kaart.pdf" | grep -E '^(Pages|Page size)'
  pdftoppm -r 80 -png "$out/kaart.pdf" "$out/kaart-zijde"
fi
ls -1 "$out"
