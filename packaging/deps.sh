#!/bin/sh
# Installs the Debian 12 packages Kastle needs that are not installed yet.
#   packaging/deps.sh run    what `make run` needs: build tools, libraries, GUI runtime
#   packaging/deps.sh test   all of the above plus the test tools and real clients
# Idempotent: when everything is present it only asks dpkg and returns.
set -eu

build_pkgs="cmake ninja-build g++ make pkg-config
 qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libqt6svg6
 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
 qtkeychain-qt6-dev libsecret-1-0 libgl-dev qt6-translations-l10n
 librdkafka-dev zlib1g-dev liblz4-dev libsnappy-dev libzstd-dev libssl-dev"
test_pkgs="libgtest-dev libgmock-dev
 dbus dbus-x11 gnome-keyring xvfb xauth imagemagick openssl
 kcat python3 python3-kafka python3-confluent-kafka
 python3-snappy python3-lz4 python3-zstandard python3-xxhash"

case "${1:-run}" in
    run) wanted="$build_pkgs" ;;
    test) wanted="$build_pkgs $test_pkgs" ;;
    *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=""
for p in $wanted; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

echo "Installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing
