#!/usr/bin/env bash
# Runs a command with an unlocked gnome-keyring Secret Service on the current
# D-Bus session (call it under dbus-run-session). Exports TW_TEST_KEYRING=1.
# The keyring lives in a throw-away folder, so a keyring file left by an
# earlier run (with another password) can never leave it locked.
set -euo pipefail

keyring_home=$(mktemp -d /tmp/tablewright-keyring.XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
mkdir -m 700 "$keyring_home/run"
export XDG_DATA_HOME=$keyring_home/data
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$keyring_home/run}

# The password only unlocks this throw-away login keyring.
printf 'tablewright-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export TW_TEST_KEYRING=1
status=0
"$@" || status=$?
exit "$status"
