#!/usr/bin/env bash
# Smoke test of voorwie.exe under Wine, against the Linux build.
#
#   scripts/wine-smoke.sh [EXE [LINUX-BINARY]]
#
# EXE defaults to dist/voorwie.exe (scripts/windows.sh builds it), the Linux
# binary to target/debug/voorwie (built with `cargo build` when missing).
#
# 1. Byte for byte the same stdout and exit code as the Linux binary:
#    --version, kaart, continuum (and every step), voorbeeld, controleer,
#    and for every practice case in data/voorbeelden/: voorbeeld NAME and
#    start --antwoorden FILE --format tekst|json|markdown.
# 2. Windows paths: spaces and C:\... in --antwoorden, -o and --bank;
#    answers files with CRLF line ends and a byte-order mark (Notepad).
# 3. An interactive session in a terminal (tmux, its own socket): arrow
#    keys, typing, Ctrl-C keeps a draft under %APPDATA%, --hervat lists it,
#    a whole session saved on "Windows" reads the same on Linux; and the
#    pause: alone on its console (as when double-clicked) voorwie waits for
#    Enter, started from cmd it does not.
#
# Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng), which Rust's standard
# library needs at start-up; a small stand-in built here from
# scripts/windows/bcryptprimitives.c is put next to the .exe for the test
# only (real Windows 10 and 11 have the DLL). Installs wine, mingw-w64 and
# tmux with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
NAME=wine-smoke.sh
# shellcheck source=scripts/windows/lib.sh
. scripts/windows/lib.sh

EXE=${1:-dist/voorwie.exe}
LINUX=${2:-target/debug/voorwie}
[ -f "$EXE" ] || die "$EXE bestaat niet; bouw het met scripts/windows.sh"
EXE=$(realpath "$EXE")
if [ ! -x "$LINUX" ]; then
    say "de Linux-build maken (cargo build)"
    cargo build --quiet --bin voorwie
fi
LINUX=$(realpath "$LINUX")

need_packages wine wine64 mingw-w64 tmux
command -v wine >/dev/null || die "wine staat niet in PATH"

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() {
    failed=$((failed + 1))
    say "MISLUKT: $*"
}

# Everything happens in a fresh directory whose name has a space, with a
# fresh Wine prefix (no state from earlier runs).
WORK=$(mktemp -d "/tmp/voorwie wine.XXXXXX")
TMUX_SOCKET="voorwie-wine-$$"
cleanup() {
    tmux -L "$TMUX_SOCKET" kill-session -t w 2>/dev/null || true
    tmux -L "$TMUX_SOCKET" kill-session -t keep 2>/dev/null || true
    WINEPREFIX="$WORK/prefix" wineserver -k 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

export WINEPREFIX="$WORK/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LANG=C.UTF-8 NO_COLOR=1
unset DISPLAY WAYLAND_DISPLAY LC_ALL LC_MESSAGES VOORWIE_DATA_DIR
# Drafts of the Linux binary stay out of the user's home.
LINUX_DATA="$WORK/linux-gegevens"

say "Wine-prefix maken ($(wine --version))"
t0=$(date +%s)
wineboot -i >"$WORK/wineboot.log" 2>&1 || { cat "$WORK/wineboot.log" >&2; die "wineboot mislukte"; }
wineserver -w
# Keep one wineserver for all runs (faster); ended by cleanup.
wineserver -p
say "prefix klaar in $(($(date +%s) - t0)) s"

BIN="$WORK/bin"
mkdir -p "$BIN"
cp "$EXE" "$BIN/voorwie.exe"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$BIN/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives.c scripts/windows/bcryptprimitives.def -ladvapi32 ||
    die "de test-DLL bouwen mislukte"
WEXE=$(winepath -w "$BIN/voorwie.exe")

# voorwie.exe under Wine, input from /dev/null unless given.
wrun() { wine "$BIN/voorwie.exe" "$@"; }

# ---------------------------------------------------------------- 1. bytes
# compare LABEL ARGS...: same stdout, stderr and exit code on both, run in
# the repository with the same relative paths.
compare() {
    local label=$1
    shift
    local lc=0 wc=0
    VOORWIE_DATA_DIR=$LINUX_DATA "$LINUX" "$@" >"$WORK/l.out" 2>"$WORK/l.err" </dev/null || lc=$?
    wrun "$@" >"$WORK/w.out" 2>"$WORK/w.err" </dev/null || wc=$?
    if [ "$lc" != "$wc" ]; then
        bad "$label: exitcode Linux $lc, Windows $wc"
        head -5 "$WORK/w.err" >&2
    elif ! cmp -s "$WORK/l.out" "$WORK/w.out"; then
        bad "$label: stdout verschilt"
        diff "$WORK/l.out" "$WORK/w.out" | head -20 >&2 || true
    elif ! cmp -s "$WORK/l.err" "$WORK/w.err"; then
        bad "$label: stderr verschilt"
        diff "$WORK/l.err" "$WORK/w.err" | head -20 >&2 || true
    elif [ "$lc" = 0 ] && [ ! -s "$WORK/l.out" ]; then
        bad "$label: geen uitvoer"
    else
        ok
    fi
}

say "1. dezelfde bytes als de Linux-build"
t0=$(date +%s)
compare "--version" --version
compare "--help" --help
compare "kaart" kaart
compare "kaart --format markdown" kaart --format markdown
compare "continuum" continuum
for step in segregatie connectie coordinatie cooperatie integratie; do
    compare "continuum $step" continuum "$step"
done
compare "voorbeeld" voorbeeld
compare "controleer" controleer
compare "controleer data/bank.yaml" controleer data/bank.yaml
compare "controleer --taal en" controleer --taal en
compare "onbekende opdracht (exit 2)" kaartje
compare "ontbrekend bestand (exit 1)" start --antwoorden bestaat-niet.yaml
cases=0
for file in data/voorbeelden/*.yaml; do
    name=$(basename "$file" .yaml)
    cases=$((cases + 1))
    compare "voorbeeld $name" voorbeeld "$name"
    for format in tekst json markdown; do
        compare "start --antwoorden $file --format $format" \
            start --antwoorden "$file" --format "$format"
    done
    compare "start --antwoorden $file --taal en" start --antwoorden "$file" --taal en
done
[ "$cases" -ge 8 ] || bad "maar $cases praktijkvoorbeelden gevonden"
say "   $passed vergelijkingen, $failed verschillen ($(($(date +%s) - t0)) s)"

# ---------------------------------------------------------------- 2. paths
say "2. Windows-paden en regeleinden"
# expect_same LABEL FILE-A FILE-B
expect_same() {
    if cmp -s "$2" "$3"; then ok; else
        bad "$1"
        diff "$2" "$3" | head -10 >&2 || true
    fi
}
"$LINUX" start --antwoorden data/voorbeelden/lara.yaml --format tekst >"$WORK/lara.txt"

# A folder with spaces on Z: (Wine's view of /), backslashes.
SPACED="$WORK/map met spaties"
mkdir -p "$SPACED"
cp data/voorbeelden/lara.yaml "$SPACED/lara antwoorden.yaml"
cp data/bank.yaml "$SPACED/eigen bank.yaml"
wa=$(winepath -w "$SPACED/lara antwoorden.yaml")
wb=$(winepath -w "$SPACED/eigen bank.yaml")
wo=$(winepath -w "$SPACED")'\samenvatting lara.txt'
case "$wa" in *'\map met spaties\lara antwoorden.yaml') ok ;; *) bad "winepath gaf $wa" ;; esac
if wrun start --antwoorden "$wa" --bank "$wb" --format tekst -o "$wo" </dev/null 2>"$WORK/w.err"; then
    expect_same "-o met spaties en backslashes" "$WORK/lara.txt" "$SPACED/samenvatting lara.txt"
else
    bad "start --antwoorden '$wa' --bank '$wb' -o '$wo'"
    cat "$WORK/w.err" >&2
fi

# C:\ in the prefix: C:\voorwie test\...
CDIR="$WINEPREFIX/drive_c/voorwie test"
mkdir -p "$CDIR"
cp data/voorbeelden/lara.yaml "$CDIR/lara.yaml"
if wrun start --antwoorden 'C:\voorwie test\lara.yaml' --format tekst \
    -o 'C:\voorwie test\uit.txt' </dev/null 2>"$WORK/w.err"; then
    expect_same "C:\\-paden" "$WORK/lara.txt" "$CDIR/uit.txt"
else
    bad "C:\\-paden"
    cat "$WORK/w.err" >&2
fi
# An existing file is not overwritten without --force, on Windows too.
if wrun start --antwoorden 'C:\voorwie test\lara.yaml' -o 'C:\voorwie test\uit.txt' \
    </dev/null 2>"$WORK/w.err"; then
    bad "-o overschreef een bestaand bestand zonder --force"
else ok; fi

# Notepad: CRLF line ends and a byte-order mark, on both systems.
{
    printf '\xef\xbb\xbf'
    sed 's/$/\r/' data/voorbeelden/lara.yaml
} >"$SPACED/kladblok.yaml"
wk=$(winepath -w "$SPACED/kladblok.yaml")
wrun start --antwoorden "$wk" --format tekst >"$WORK/w.out" 2>"$WORK/w.err" </dev/null ||
    { bad "CRLF+BOM op Windows"; cat "$WORK/w.err" >&2; }
expect_same "CRLF+BOM op Windows" "$WORK/lara.txt" "$WORK/w.out"
"$LINUX" start --antwoorden "$SPACED/kladblok.yaml" --format tekst >"$WORK/l.out" 2>&1 ||
    bad "CRLF+BOM op Linux"
expect_same "CRLF+BOM op Linux" "$WORK/lara.txt" "$WORK/l.out"

# ---------------------------------------------------------- 3. interactive
say "3. een interactieve sessie in een terminal (tmux)"
RUN="$WORK/sessie map"
mkdir -p "$RUN"
T=(tmux -L "$TMUX_SOCKET")
screen() { "${T[@]}" capture-pane -p -t w -S -1000 2>/dev/null || true; }
# wait_for TEXT [SECONDS]: until TEXT is on the screen (or in its history).
wait_for() {
    local deadline=$((SECONDS + ${2:-60}))
    until screen | grep -qF -- "$1"; do
        if [ $SECONDS -ge $deadline ]; then
            bad "wachten op '$1' duurde te lang; het scherm:"
            screen | tail -25 >&2
            return 1
        fi
        sleep 0.3
    done
}
# A screen that stopped changing, different from $1.
settled() {
    local prev=$1 a b deadline=$((SECONDS + 60))
    while [ $SECONDS -lt $deadline ]; do
        a=$(screen)
        sleep 0.4
        b=$(screen)
        if [ "$a" = "$b" ] && [ "$a" != "$prev" ]; then
            printf '%s' "$a"
            return 0
        fi
    done
    return 1
}
keys() { "${T[@]}" send-keys -t w "$@"; }
# type_line TEXT: types TEXT, then Enter after a pause, as a person does.
# Without the pause Wine hands the Enter over in the same burst as the
# text, and voorwie rightly takes it for a pasted line break.
type_line() { keys -l "$1" && sleep 0.6 && keys Enter; }
# start_pane COMMAND...: runs it in a fresh 100x40 terminal, then shows its
# exit code.
# A session that only keeps the tmux server up between the panes.
"${T[@]}" new-session -d -s keep -x 80 -y 10 "sleep 3600"
start_pane() {
    "${T[@]}" kill-session -t w 2>/dev/null || true
    local cmd
    printf -v cmd '%q ' "$@"
    "${T[@]}" new-session -d -s w -x 100 -y 40 -c "$RUN" \
        "$cmd; echo \"[einde: \$?]\"; sleep 600"
}
on_screen() { if screen | grep -qF -- "$1"; then ok; else bad "$2"; screen | tail -15 >&2; fi; }
APPDATA_DIR="$WINEPREFIX/drive_c/users/$(whoami)/AppData/Roaming/voorwie/data/concepten"

# 3a. Ctrl-C after two answers: the draft is kept under %APPDATA%, exit
# 130. (Started directly: Wine's cmd, unlike Windows's, ends on Ctrl-C.)
start_pane env TERM=xterm-256color wine "$WEXE" start
if wait_for "Op welk moment"; then
    keys Down
    keys Enter
    wait_for "Zijn er doelen" && keys Enter
    wait_for "Doel 1" && keys C-c
    # Whoever stops first (the prompt or the Ctrl-C handler) says so; when
    # it is the prompt, voorwie then waits for Enter in its own window.
    sleep 3
    if screen | grep -qF "Druk op Enter"; then keys Enter; fi
    wait_for "[einde: 130]" 20 && ok
    on_screen "Je antwoorden zijn bewaard" "Ctrl-C zegt niet dat het concept bewaard is"
    n=$(find "$APPDATA_DIR" -name 'concept-*.yaml' 2>/dev/null | wc -l)
    [ "$n" = 1 ] && ok || bad "$n concepten in %APPDATA%\\voorwie\\data\\concepten, verwacht 1"
fi

# 3b. --hervat lists that draft (the moment is not counted as an answer).
start_pane env TERM=xterm-256color wine "$WEXE" start --hervat
if wait_for "Nieuwe sessie beginnen"; then
    on_screen "Casuïstiekbespreking · 1 antwoord" "--hervat toont het concept met 1 antwoord niet"
    keys C-c
    wait_for "[einde: 130]" 20 && ok
fi

# 3c. A whole short session, typed: goals with ë, arrows, Enter; saved as
# sessie.yaml and sessie.txt. Started directly (alone on its console, as
# when double-clicked): at the end voorwie waits for Enter.
start_pane env TERM=xterm-256color wine "$WEXE" start --snel
if wait_for "Op welk moment"; then
    keys Down
    keys Enter
    wait_for "Zijn er doelen" && keys Enter
    wait_for "Doel 1" && type_line "Rust in huis, ook voor Zoë"
    wait_for "Doel 2" && type_line "Schoolgang"
    wait_for "Doel 3" && keys Enter
    prev=""
    for _ in $(seq 1 80); do
        cur=$(settled "$prev") || { bad "het scherm bleef hangen"; screen | tail -15 >&2; break; }
        if grep -qF "Wil je de suggestie aanpassen" <<<"$cur"; then break; fi
        # A settled screen is a question waiting: Enter takes the first
        # option (or the default).
        keys Enter
        prev=$cur
    done
    on_screen "ADVIES VOOR DE CASUS" "de uitkomst staat niet op het scherm"
    on_screen "✔ Rust in huis, ook voor Zoë" "✔ en ë niet goed op het scherm"
    wait_for "Wil je de suggestie aanpassen" && keys Enter
    wait_for "opslaan" && sleep 0.5 && keys Enter
    wait_for "Bestandsnaam" && sleep 0.5 && type_line "sessie"
    wait_for "Opgeslagen"
    wait_for "Druk op Enter om dit venster te sluiten." 20 && ok
    if screen | grep -qF "[einde:"; then bad "voorwie eindigde zonder op Enter te wachten"; else ok; fi
    keys Enter
    wait_for "[einde: 0]" 20 && ok
    # Saved on Windows, read on Linux: the same summary as on Windows.
    if [ -f "$RUN/sessie.yaml" ] && [ -f "$RUN/sessie.txt" ]; then
        ok
        if grep -q $'\r' "$RUN/sessie.yaml"; then bad "sessie.yaml heeft CRLF"; else ok; fi
        (cd "$RUN" && "$LINUX" start --antwoorden sessie.yaml --format tekst) >"$WORK/l.out" 2>/dev/null ||
            bad "Linux leest de Windows-sessie niet"
        (cd "$RUN" && wrun start --antwoorden sessie.yaml --format tekst) >"$WORK/w.out" 2>/dev/null </dev/null ||
            bad "Windows leest de eigen sessie niet"
        expect_same "Windows-sessie op Linux" "$WORK/w.out" "$WORK/l.out"
        grep -qF "Zoë" "$WORK/l.out" && ok || bad "het doel met ë ontbreekt"
    else
        bad "sessie.yaml en sessie.txt zijn niet opgeslagen"
    fi
fi

# 3d. The pause, without a session: alone on the console it waits (in the
# language asked for), from cmd it does not.
start_pane env TERM=xterm-256color wine "$WEXE" --taal en continuum connectie
if wait_for "Press Enter to close this window." 30; then
    if screen | grep -qF "[einde:"; then bad "--taal en: eindigde zonder te wachten"; else ok; fi
    keys Enter
    wait_for "[einde: 0]" 20 && ok
fi
start_pane env TERM=xterm-256color wine cmd /c "$WEXE" kaart
if wait_for "[einde: 0]" 30; then
    if screen | grep -qF "Druk op Enter"; then bad "gepauzeerd vanuit cmd"; else ok; fi
fi

say "$passed passed, $failed failed"
echo "wine-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
