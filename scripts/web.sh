#!/usr/bin/env bash
# Builds the browser edition: dist/voorwie.html, ONE self-contained file
# (the WebAssembly inlined as base64, the JavaScript and CSS inline, nothing
# loaded from anywhere, a Content-Security-Policy that forbids every
# connection). Open it in any browser by double-clicking; nothing to install.
#
#   scripts/web.sh             build dist/voorwie.html
#   scripts/web.sh --browser   and install chromium and chromium-driver for
#                              the browser tests (tests/web.rs), as .ci/run
#
# The toolchain: Debian's rustc-web set (rustc-web, libstd-rust-web-dev,
# rust-web-src, rust-web-llvm) and lld-22 for rust-lld, as for the Windows
# build: no Debian package ships a prebuilt wasm32 standard library, so cargo
# builds it from rust-web-src (-Zbuild-std). /usr/bin/cargo and
# /usr/bin/rustc are called by their full paths (rustup's come first on
# PATH). wasm-bindgen-cli, at the version of the wasm-bindgen crate in
# web/Cargo.toml, is installed with `cargo install` into the cache.
#
# The cargo target directory and wasm-bindgen-cli are kept under
# $VOORWIE_CACHE (default /var/cache/voorwie, else ~/.cache/voorwie): a
# second build only recompiles voorwie itself.
#
# Environment: VOORWIE_CACHE (see above), VOORWIE_DIST (default dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=wasm32-unknown-unknown
DIST=${VOORWIE_DIST:-$ROOT/dist}
MIN_DEBIAN_RUST=1.96

BROWSER=false
case "${1:-}" in
    --browser) BROWSER=true ;;
    "") ;;
    *) echo "gebruik: scripts/web.sh [--browser]" >&2; exit 2 ;;
esac

NAME=web.sh
# shellcheck source=scripts/windows/lib.sh
. scripts/windows/lib.sh

if $BROWSER; then
    need_packages chromium chromium-driver
fi

version=$(dpkg-query -W -f='${Version}' rustc-web 2>/dev/null || true)
if [ -z "$version" ]; then
    [ "$(id -u)" -eq 0 ] || die "nodig: rustc-web, libstd-rust-web-dev, rust-web-src, rust-web-llvm, lld-22 (als root)"
    apt_update_once
    version=$(apt-cache policy rustc-web | awk '/Candidate:/ {print $2}')
fi
case "$version" in
    ""|"(none)") die "Debian heeft geen rustc-web (bookworm-security nodig?)" ;;
esac
if ! dpkg --compare-versions "$version" ge "$MIN_DEBIAN_RUST"; then
    die "rustc-web $version is te oud; nodig is $MIN_DEBIAN_RUST of nieuwer"
fi
# The compiler and the library source at one version; rust-web-llvm and
# lld-22 give rust-lld, which links wasm.
need_packages "rustc-web=$version" "cargo-web=$version" \
    "libstd-rust-web-dev=$version" "rust-web-src=$version" \
    "rust-web-llvm=$version" lld-22
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

CACHE=$(cache_root)
KEY="debian-rustc-web-${version//[^A-Za-z0-9.-]/_}"
export CARGO_TARGET_DIR=$CACHE/target-wasm-$KEY
prune "$CARGO_TARGET_DIR"

# wasm-bindgen-cli at the crate's version, in the cache.
bindgen_version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' web/Cargo.toml)
[ -n "$bindgen_version" ] || die "web/Cargo.toml: geen vaste versie van wasm-bindgen"
BINDGEN_ROOT=$CACHE/wasm-bindgen-$bindgen_version
BINDGEN=$BINDGEN_ROOT/bin/wasm-bindgen
if ! [ -x "$BINDGEN" ]; then
    say "wasm-bindgen-cli $bindgen_version installeren (eenmalig)"
    cargo install --quiet --root "$BINDGEN_ROOT" wasm-bindgen-cli --version "$bindgen_version" \
        || die "wasm-bindgen-cli $bindgen_version installeren lukte niet"
fi

say "toolchain: $(/usr/bin/cargo --version); target-map: $CARGO_TARGET_DIR"
log=$(mktemp)
stage=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$stage"' EXIT
start=$(date +%s)
if ! (cd web && /usr/bin/cargo build --release --locked -Zbuild-std=std,panic_abort --target "$TARGET") 2>&1 | tee "$log" >&2; then
    die "de wasm-build mislukte (zie hierboven)"
fi
# Warnings in voorwie's own code fail, as clippy -D warnings does natively:
# the wasm-only code is compiled nowhere else.
if grep -q '^warning: `voorwie' "$log"; then
    die "waarschuwingen in voorwie voor wasm32 (zie hierboven)"
fi
say "gebouwd in $(($(date +%s) - start)) s"

"$BINDGEN" --target no-modules --no-typescript --out-dir "$stage" \
    "$CARGO_TARGET_DIR/$TARGET/release/voorwie_web.wasm"
wasm=$stage/voorwie_web_bg.wasm
glue=$stage/voorwie_web.js

mkdir -p "$DIST"
out=$DIST/voorwie.html
crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
python3 - "$ROOT/web/page.html" "$glue" "$wasm" "$crate_version" "$out" <<'PY'
import base64, sys
page, glue, wasm, version, out = sys.argv[1:]
html = open(page, encoding="utf-8").read()
js = open(glue, encoding="utf-8").read()
if "</script" in js.lower():
    sys.exit("web.sh: the glue holds </script")
b64 = base64.b64encode(open(wasm, "rb").read()).decode("ascii")
for key, value in (("__VOORWIE_GLUE__", js), ("__VOORWIE_WASM__", b64), ("__VOORWIE_VERSION__", version)):
    if key not in html:
        sys.exit(f"web.sh: {key} missing in web/page.html")
    html = html.replace(key, value)
open(out, "w", encoding="utf-8").write(html)
PY
say "wasm: $(stat -c %s "$wasm") bytes ($(gzip -9c "$wasm" | wc -c) gzipped)"
say "$out: $(stat -c %s "$out") bytes"
echo "$out"
