#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs a command in a private D-Bus session with an unlocked gnome-keyring (docs/toolchain.md, gotcha 6): a real
# keychain for the QtKeychain tests, without touching the user's own.
set -eu
tmp_home=$(mktemp -d /tmp/oobm-keyring.XXXXXX)
trap 'rm -rf "$tmp_home"' EXIT
export HOME="$tmp_home" XDG_DATA_HOME="$tmp_home/.local/share" XDG_CACHE_HOME="$tmp_home/.cache" \
    XDG_CONFIG_HOME="$tmp_home/.config" XDG_RUNTIME_DIR="$tmp_home/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL || true
exec dbus-run-session -- sh -c '
  eval "$(printf %s "${KEYRING_PASSWORD:-oobm-ci-keyring}" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"' with-keyring "$@"
