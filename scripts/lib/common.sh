# SPDX-License-Identifier: GPL-2.0-or-later
# Shared by scripts/run, scripts/test, scripts/bench and scripts/screenshots. Source it.
set -euo pipefail

OOBM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export OOBM_ROOT

# Debian 12 packages. Only Debian's archive is used; nothing is downloaded at build or run time.
OOBM_BUILD_PACKAGES=(cmake ninja-build g++ pkg-config qt6-base-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-l10n-tools qt6-tools-dev qt6-charts-dev libqt6opengl6-dev libqt6svg6 fonts-dejavu-core gsoap libgsoap-dev
    libssl-dev qtkeychain-qt6-dev libsecret-1-0)
# scripts/check-style: clang-format and clang-tidy 14.
OOBM_STYLE_PACKAGES=(clang-format clang-tidy)
OOBM_TEST_PACKAGES=(python3 postgresql-15 sqlite3 util-linux xvfb xauth amtterm libsoap-lite-perl libxml2-utils curl dbus gnome-keyring dnsmasq-base
    clang libclang-rt-14-dev "${OOBM_STYLE_PACKAGES[@]}")
OOBM_SCREENSHOT_PACKAGES=(xvfb xauth imagemagick x11-apps xdotool dnsmasq-base)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "'$*' needs root: run this script as root or install sudo"
    fi
}

# Installs the packages that are not installed yet (apt-get; through sudo when not root).
ensure_packages() {
    local missing=() p
    for p in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_and_build DIR [--target T]... [cmake -D options...]: configures once, then builds
# incrementally: everything, or only the targets named (and what they need).
configure_and_build() {
    local dir=$1 targets=() names=()
    shift
    while [ "${1:-}" = --target ]; do
        targets+=(--target "$2")
        names+=("$2")
        shift 2
    done
    if [ ! -f "$dir/CMakeCache.txt" ] || [ ! -f "$dir/build.ninja" ]; then
        say "Configuring $dir"
        cmake -S "$OOBM_ROOT" -B "$dir" -G Ninja "$@" >"$dir.configure.log" 2>&1 \
            || { cat "$dir.configure.log" >&2; die "cmake failed for $dir"; }
    else
        cmake -S "$OOBM_ROOT" -B "$dir" "$@" >"$dir.configure.log" 2>&1 \
            || { cat "$dir.configure.log" >&2; die "cmake failed for $dir"; }
    fi
    say "Building $dir${names[*]:+ (${names[*]})}"
    cmake --build "$dir" "${targets[@]}" -- -j"$(nproc)"
}

# A TCP port on 127.0.0.1 that nothing listens on.
free_port() {
    local port
    for port in $(seq "${1:-55432}" 65000); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free TCP port on 127.0.0.1"
}
