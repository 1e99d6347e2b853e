#!/usr/bin/env bash
# Start-up time of voorwie against a bare hello-world built with the same
# release profile, measured alternately in one run (see benches/startup.rs).
# Usage: benches/startup.sh [ROUNDS]   (default 500)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin voorwie --example hallo
ROUNDS="${1:-500}" VOORWIE_ROOT="$PWD" cargo bench --quiet --bench startup
