#!/usr/bin/env node
// The `vitrine` command. A committed shim, so that package managers can link it before the
// package is built (inside this workspace); the command itself is dist/cli/main.js.
import "../dist/cli/main.js";
