#!/bin/sh
# Installs the Debian 12 packages Nocturne needs to build, test and run.
# Idempotent: only missing packages are installed, and `apt-get update` runs
# at most once per call. Works as root or through sudo.
set -eu

PACKAGES="
build-essential cmake ninja-build pkg-config git
qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
qt6-httpserver-dev qt6-websockets-dev
qt6-charts-dev qt6-svg-dev qt6-multimedia-dev qt6-translations-l10n
libqt6opengl6-dev libgl-dev libvulkan-dev
qtkeychain-qt6-dev
libsqlite3-dev sqlite3
libgtest-dev libgmock-dev libbenchmark-dev
libxkbcommon-dev fonts-dejavu-core xvfb xauth gnome-keyring dbus-user-session dbus-x11
postgresql prometheus-alertmanager wrk
"

missing=""
for pkg in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $pkg" ;;
    esac
done

if [ -z "$missing" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: missing packages:$missing" >&2
    echo "install-deps: run this script as root or install sudo" >&2
    exit 1
fi

echo "install-deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
