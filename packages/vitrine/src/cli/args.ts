/**
 * The `vitrine` command line: what each command takes, parsed with `node:util`'s parseArgs.
 */
import { parseArgs } from "node:util";

/** `vitrine <app file>`: run an app and reload it on changes. */
export interface RunCommand {
  command: "run";
  /** The app file, as given. */
  file: string;
  /** Folders whose source files reload the app when they change (as given); empty: the app file's folder. */
  watchDirs: string[];
  /** The export that is the app; undefined: the launched app, else `default`, else `demo`. */
  demoName?: string;
  /** Port to serve on (default `VITRINE_SERVER_PORT` or 7860; the next free one when busy). */
  port?: number;
  /** Interface to listen on (default `VITRINE_SERVER_NAME` or 127.0.0.1). */
  host?: string;
}

/** `vitrine create-component <name>`: scaffold a custom component package. */
export interface CreateComponentCommand {
  command: "create-component";
  /** The component's name (the folder and package name). */
  name: string;
  /** Point the package's Vitrine dependencies at this monorepo's packages (`link:`) instead of the registry. */
  linkWorkspace: boolean;
}

/** `vitrine build-component`: build the custom component package in the current folder. */
export interface BuildComponentCommand {
  command: "build-component";
}

/** `--help` or `--version`. */
export interface InfoCommand {
  command: "help" | "version";
}

/** A parsed command line. */
export type Command = RunCommand | CreateComponentCommand | BuildComponentCommand | InfoCommand;

/** A command line the CLI does not understand; its message says why. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The text of `vitrine --help`. */
export const USAGE = `Usage:
  vitrine <app.ts|app.js> [options]   Run an app; reload it when its source files change
  vitrine create-component <name>     Scaffold a custom component package in ./<name>/
  vitrine build-component             Build the component package in the current folder

Options for running an app:
  --watch-dirs <a,b>   Folders whose source files (.ts, .js, .json, .css, ...) reload the
                       app when they change (default: the app file's folder)
  --demo-name <name>   The export that is the app (default: the launched app, else the
                       default export, else the export named "demo")
  --port <n>           Port to serve on (default 7860, or the next free one)
  --host <name>        Interface to listen on (default 127.0.0.1)

Options for create-component:
  --link-workspace     Depend on this Vitrine checkout's packages (link:) instead of the registry

  -h, --help           Show this help
  -v, --version        Show Vitrine's version`;

/**
 * Parses the arguments after `vitrine` (`process.argv.slice(2)`).
 *
 * @throws {UsageError} for an unknown option, a missing argument or a bad port.
 */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
        "watch-dirs": { type: "string", multiple: true },
        "demo-name": { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        "link-workspace": { type: "boolean" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  if (values.version) return { command: "version" };
  const [first, ...rest] = positionals;
  if (first === undefined) throw new UsageError("Missing the app file to run (vitrine app.ts), or a command.");
  if (first === "create-component") {
    const [name, ...extra] = rest;
    if (!name) throw new UsageError("create-component needs a name: vitrine create-component my-widget");
    if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      throw new UsageError(`Invalid component name "${name}": use lowercase letters, digits and dashes, starting with a letter.`);
    }
    return { command: "create-component", name, linkWorkspace: values["link-workspace"] ?? false };
  }
  if (first === "build-component") {
    if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]}`);
    return { command: "build-component" };
  }
  if (rest.length > 0) throw new UsageError(`Unexpected argument: ${rest[0]} (one app file at a time)`);
  const command: RunCommand = { command: "run", file: first, watchDirs: splitList(values["watch-dirs"] ?? []) };
  if (values["demo-name"] !== undefined) {
    if (!/^[A-Za-z_$][\w$]*$/.test(values["demo-name"])) throw new UsageError(`Invalid --demo-name "${values["demo-name"]}": give an export's name.`);
    command.demoName = values["demo-name"];
  }
  if (values.port !== undefined) command.port = parsePort(values.port);
  if (values.host !== undefined) command.host = values.host;
  return command;
}

/** `["a,b", "c"]` → `["a", "b", "c"]`. */
function splitList(items: readonly string[]): string[] {
  return items.flatMap((item) => item.split(",")).map((s) => s.trim()).filter(Boolean);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`Invalid --port "${text}": give a number from 0 to 65535.`);
  return port;
}
