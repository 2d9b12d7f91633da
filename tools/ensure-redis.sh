#!/usr/bin/env sh
# The scale-out tests start Debian's redis-server on a free port of their own. Install it when missing.
set -e
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
echo "Installing Debian's redis-server for the scale-out tests..."
if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
# The package starts a system service on port 6379; the tests do not use it.
