# Helpers shared by scripts/windows.sh and scripts/wine-smoke.sh (sourced,
# not run): messages, apt-get with retries, the cache directory.
# shellcheck shell=bash

say() { echo "${NAME:-voorwie}: $*" >&2; }
die() { say "FOUT: $*"; exit 1; }

# apt-get with retries (mirrors can be briefly unreachable).
apt_updated=false
apt() {
    local try
    for try in 1 2 3; do
        if DEBIAN_FRONTEND=noninteractive apt-get -q "$@"; then
            return 0
        fi
        say "apt-get $1 mislukte (poging $try van 3); opnieuw over $((try * 10)) s"
        sleep $((try * 10))
    done
    return 1
}
apt_update_once() {
    if ! $apt_updated; then
        apt update >/dev/null || die "apt-get update lukt niet"
        apt_updated=true
    fi
}
# Installs the packages (name or name=version) that are not installed yet.
need_packages() {
    local missing=() p name want have
    for p in "$@"; do
        name=${p%%=*}
        want=${p#*=}
        [ "$want" = "$p" ] && want=""
        have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null || true)
        case "$have" in
            "install ok installed "*)
                [ -z "$want" ] || [ "${have##* }" = "$want" ] || missing+=("$p") ;;
            *) missing+=("$p") ;;
        esac
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "nodig: apt-get install ${missing[*]} (als root)"
    say "installeren: ${missing[*]}"
    apt_update_once
    apt install -y --no-install-recommends "${missing[@]}" >/dev/null ||
        die "apt-get install ${missing[*]} lukt niet"
}

cache_root() {
    local dir=${VOORWIE_CACHE:-/var/cache/voorwie}
    if mkdir -p "$dir" 2>/dev/null && [ -w "$dir" ]; then
        echo "$dir"
    else
        dir=${XDG_CACHE_HOME:-$HOME/.cache}/voorwie
        mkdir -p "$dir" && echo "$dir"
    fi
}

# A cached target directory that grew past 3 GB (old builds of earlier
# clones) starts afresh.
prune() {
    local dir=$1 kb
    [ -d "$dir" ] || return 0
    kb=$(du -sk "$dir" | cut -f1)
    if [ "$kb" -gt 3000000 ]; then
        say "cache $dir is $((kb / 1024)) MB: opnieuw beginnen"
        rm -rf "$dir"
    fi
}

