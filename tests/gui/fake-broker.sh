#!/bin/sh
# A stand-in for kastle-broker in the sandbox tests. Checks the arguments the console passes,
# writes a line to stderr, prints the ready line, and runs until SIGTERM.
#   FAKE_BROKER_MODE=ignore-term   keep running after SIGTERM (the console must kill it)
#   FAKE_BROKER_MODE=exit-after-ready  exit with code 3 right after the ready line
#   FAKE_BROKER_MODE=silent        never print the ready line
[ "$1" = "--data-dir" ] && [ -d "$2" ] && [ "$3" = "--port" ] && [ "$4" = "0" ] || {
    echo "fake-broker: unexpected arguments: $*" >&2
    exit 64
}
echo "fake-broker: data dir $2" >&2
case "${FAKE_BROKER_MODE:-}" in
    ignore-term) trap '' TERM ;;
    *) trap 'echo "fake-broker: terminated" >&2; exit 0' TERM ;;
esac
if [ "${FAKE_BROKER_MODE:-}" != silent ]; then
    echo "ready bootstrap=127.0.0.1:39092"
fi
if [ "${FAKE_BROKER_MODE:-}" = exit-after-ready ]; then
    echo "fake-broker: disk on fire" >&2
    exit 3
fi
# Short sleeps so the shell notices SIGTERM quickly and no long-lived child is left behind.
while :; do sleep 0.1; done
