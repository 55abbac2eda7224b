#!/bin/sh
# Runs a command inside a private D-Bus session that holds a throw-away, unlocked gnome-keyring,
# so keychain tests use the real Secret Service without touching the user's keyring.
# Everything (HOME, keyring files, bus) lives in a temporary directory removed afterwards.
# The bus daemon and the keyring exit when the command ends (dbus-run-session stops the bus, and
# gnome-keyring-daemon leaves with its bus); Keychain.WrapperLeavesNoDaemonsBehind checks that.
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
    # The daemon forks and claims org.freedesktop.secrets a moment later; wait for it so the
    # command never races the keyring (and never gets a locked, bus-activated one instead).
    tries=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
            grep -q "boolean true"; do
        tries=$((tries + 1))
        if [ "$tries" -ge 100 ]; then
            echo "with-keyring.sh: gnome-keyring did not take the Secret Service name within 10 s" >&2
            exit 69
        fi
        sleep 0.1
    done
    exec "$@"' sh "$@"
