#!/bin/sh
# Runs a command inside a private D-Bus session that holds a throw-away, unlocked gnome-keyring,
# so keychain tests use the real Secret Service without touching the user's keyring.
# Everything (HOME, keyring files, bus) lives in a temporary directory removed afterwards.
set -eu
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kastle-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export KASTLE_TEST_KEYRING=1
dbus-run-session -- sh -c '
    # An empty password does not unlock; any non-empty one creates and unlocks the login keyring.
    printf %s kastle-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' sh "$@"
