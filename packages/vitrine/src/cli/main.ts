#!/usr/bin/env node
/**
 * The `vitrine` command: `vitrine app.ts` (run with hot reload), `vitrine create-component`,
 * `vitrine build-component`, `--help`, `--version`.
 */
import { readFileSync } from "node:fs";
import { parseCommand, USAGE, UsageError } from "./args.js";
import { describeError } from "./errors.js";

/** Vitrine's version, from this package's package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

async function main(argv: readonly string[]): Promise<void> {
  const command = parseCommand(argv);
  switch (command.command) {
    case "help":
      console.log(USAGE);
      return;
    case "version":
      console.log(`vitrine ${version()}`);
      return;
    // Each command loads only what it needs (the app runner pulls in the server and tsx).
    case "run":
      return (await import("./run-app.js")).runApp(command);
    case "create-component":
      return (await import("./create-component.js")).createComponent(command, version());
    case "build-component":
      return (await import("./build-component.js")).buildComponent(process.cwd());
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`vitrine: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`vitrine: ${describeError(err)}`);
  process.exit(1);
});
