#!/usr/bin/env sh
# Runs jest in native ESM mode (see toolchain notes); extra arguments go to jest.
exec env NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning ${NODE_OPTIONS:-}" jest "$@"
