#!/bin/sh
# Runs a program in a real keyring session of its own: a private D-Bus session bus with a
# GNOME keyring daemon (Secret Service) unlocked with a throwaway password, its keyrings
# in a fresh temporary XDG_DATA_HOME, and no display, as on a headless CI machine. The
# operator's own keyring is never touched.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nocturne-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -m 700 "$tmp/data" "$tmp/run" "$tmp/config"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run" XDG_CONFIG_HOME="$tmp/config"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
status=0
dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$0" "$@"' "$@" || status=$?
exit $status
