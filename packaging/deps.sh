#!/bin/sh
# Installs the Debian 12 packages Kastle needs that are not installed yet.
#   packaging/deps.sh run    what `make run` needs: build tools, libraries, GUI runtime
#   packaging/deps.sh test   all of the above plus the test tools and real clients, and
#                            KafkaJS from the npm registry into .cache/clients
# Idempotent: when everything is present it only asks dpkg (and looks for KafkaJS) and returns.
set -eu

build_pkgs="cmake ninja-build g++ make pkg-config
 qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev libqt6svg6
 qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
 qtkeychain-qt6-dev libsecret-1-0 libgl-dev qt6-translations-l10n
 librdkafka-dev zlib1g-dev liblz4-dev libsnappy-dev libzstd-dev libssl-dev"
test_pkgs="libgtest-dev libgmock-dev
 dbus dbus-x11 gnome-keyring xvfb xauth imagemagick openssl
 kcat python3 python3-kafka python3-confluent-kafka
 python3-snappy python3-lz4 python3-zstandard python3-xxhash
 golang-go golang-github-shopify-sarama-dev golang-github-segmentio-kafka-go-dev"

case "${1:-run}" in
    run) wanted="$build_pkgs" ;;
    test)
        wanted="$build_pkgs $test_pkgs"
        # Node.js and npm run KafkaJS; a machine that has them from elsewhere keeps its own.
        if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
            wanted="$wanted nodejs npm"
        fi
        ;;
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
if [ -n "$missing" ]; then
    echo "Installing missing Debian packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing
fi

# KafkaJS, the version CLIENTS.md names, for the compat tests (tests/compat/broker).
if [ "${1:-run}" = test ]; then
    clients="$(cd "$(dirname "$0")/.." && pwd)/.cache/clients"
    kafkajs_version=2.2.4
    if ! grep -qs "\"version\": \"$kafkajs_version\"" \
            "$clients/node_modules/kafkajs/package.json"; then
        echo "Installing KafkaJS $kafkajs_version into $clients"
        mkdir -p "$clients"
        npm install --prefix "$clients" --no-audit --no-fund --no-save --loglevel=error \
            "kafkajs@$kafkajs_version"
    fi
fi
