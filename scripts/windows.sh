#!/usr/bin/env bash
# Builds voorwie.exe for 64-bit Windows and packs voorwie-windows-x86_64.zip
# (the .exe and a Dutch LEESMIJ.txt), on Debian 12, with what it installs
# itself.
#
#   scripts/windows.sh            build and pack into dist/
#   scripts/windows.sh --exe-only build dist/voorwie.exe, no zip
#
# The toolchain, in order of preference:
#  1. rustup with the x86_64-pc-windows-gnu target installed: plain
#     `cargo build --target x86_64-pc-windows-gnu`.
#  2. Debian's rustc-web set (rustc-web, cargo-web, libstd-rust-web-dev,
#     rust-web-src, all four at one version): no Debian package ships a
#     prebuilt Windows standard library, so cargo builds it from the source
#     in rust-web-src (-Zbuild-std). rustup's own compiler cannot be used
#     with that source (a different version), so /usr/bin/cargo and
#     /usr/bin/rustc are called by their full paths.
# Either way mingw-w64 links. Nothing is downloaded but Debian packages and
# crates from crates.io.
#
# The cargo target directory is kept outside the clone, under
# $VOORWIE_CACHE (default /var/cache/voorwie, else ~/.cache/voorwie), one
# per toolchain version: a second build only recompiles voorwie itself.
#
# Environment: VOORWIE_CACHE (see above), VOORWIE_DIST (default dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGET=x86_64-pc-windows-gnu
DIST=${VOORWIE_DIST:-$ROOT/dist}
# The oldest Debian rustc-web this build was tried with.
MIN_DEBIAN_RUST=1.96
EXE_ONLY=false
case "${1:-}" in
    --exe-only) EXE_ONLY=true ;;
    "") ;;
    *) echo "gebruik: scripts/windows.sh [--exe-only]" >&2; exit 2 ;;
esac

NAME=windows.sh
# shellcheck source=scripts/windows/lib.sh
. scripts/windows/lib.sh

need_packages mingw-w64
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    MODE=rustup
    CARGO=(cargo)
    KEY="rustup-$(rustc -V | tr -c 'A-Za-z0-9.\n-' '_')"
    BUILD_STD=()
else
    MODE=debian
    version=$(dpkg-query -W -f='${Version}' rustc-web 2>/dev/null || true)
    if [ -z "$version" ]; then
        [ "$(id -u)" -eq 0 ] || die "nodig: rustc-web, cargo-web, libstd-rust-web-dev, rust-web-src (als root)"
        apt_update_once
        version=$(apt-cache policy rustc-web | awk '/Candidate:/ {print $2}')
    fi
    case "$version" in
        ""|"(none)") die "Debian heeft geen rustc-web (bookworm-security nodig?)" ;;
    esac
    if ! dpkg --compare-versions "$version" ge "$MIN_DEBIAN_RUST"; then
        die "rustc-web $version is te oud; nodig is $MIN_DEBIAN_RUST of nieuwer (uit bookworm-security)"
    fi
    # All four at one version: the compiler and the library source must match.
    need_packages "rustc-web=$version" "cargo-web=$version" \
        "libstd-rust-web-dev=$version" "rust-web-src=$version"
    export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
    CARGO=(/usr/bin/cargo)
    KEY="debian-rustc-web-${version//[^A-Za-z0-9.-]/_}"
    BUILD_STD=(-Zbuild-std=std,panic_abort)
fi

CACHE=$(cache_root)
export CARGO_TARGET_DIR=$CACHE/target-windows-$KEY
prune "$CARGO_TARGET_DIR"
say "toolchain: $MODE ($("${CARGO[@]}" --version)); target-map: $CARGO_TARGET_DIR"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
if ! "${CARGO[@]}" build --release --locked "${BUILD_STD[@]}" --target "$TARGET" 2>&1 | tee "$log" >&2; then
    die "de Windows-build mislukte (zie hierboven)"
fi
# Warnings in voorwie's own code fail, as clippy -D warnings does on Linux:
# the Windows-only code is compiled nowhere else.
if grep -q '^warning: `voorwie`' "$log"; then
    die "waarschuwingen in voorwie voor Windows (zie hierboven)"
fi
say "gebouwd in $(($(date +%s) - start)) s"

mkdir -p "$DIST"
cp "$CARGO_TARGET_DIR/$TARGET/release/voorwie.exe" "$DIST/voorwie.exe"
say "$DIST/voorwie.exe: $(stat -c %s "$DIST/voorwie.exe") bytes"
$EXE_ONLY && exit 0

# The zip: voorwie.exe and LEESMIJ.txt (UTF-8 with a byte-order mark and
# CRLF line ends, so that every Notepad shows the ë right).
need_packages zip
stage=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$stage"' EXIT
cp "$DIST/voorwie.exe" "$stage/voorwie.exe"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
{
    printf '\xef\xbb\xbf'
    sed -e "s/@VERSIE@/$version/" -e 's/$/\r/' scripts/windows/LEESMIJ.txt
} >"$stage/LEESMIJ.txt"
zip="$DIST/voorwie-windows-x86_64.zip"
rm -f "$zip"
(cd "$stage" && zip -q -X -9 "$zip" voorwie.exe LEESMIJ.txt)
say "$zip: $(stat -c %s "$zip") bytes"
echo "$zip"
