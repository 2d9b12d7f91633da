/**
 * `vitrine app.ts`: serve an app file and reload it when it or the source files around it
 * change (what the app writes next to itself — logs, flagged data, databases — does not count).
 */
import { existsSync, statSync } from "node:fs";
import { createRequire, register } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { register as registerTypeScript } from "tsx/esm/api";
import { register as registerTypeScriptRequire } from "tsx/cjs/api";
import { installCrashGuards } from "@vitrine/server";
import type { RunCommand } from "./args.js";
import { AppRunner } from "./app-runner.js";
import { ReloadServer } from "./dev-server.js";
import { isUserFile, type ReloadHookData } from "./reload-hooks.js";
import { watchPaths } from "./watcher.js";
import { CliError, describeError } from "./errors.js";

/** Absolute paths of the app file and the folders to watch; throws a {@link CliError} when one is missing. */
export function resolveTargets(command: Pick<RunCommand, "file" | "watchDirs">, cwd = process.cwd()): { file: string; watchDirs: string[] } {
  const file = resolve(cwd, command.file);
  if (!existsSync(file)) throw new CliError(`Cannot find the app file "${command.file}" (looked for ${file}).`);
  if (!statSync(file).isFile()) throw new CliError(`"${command.file}" is not a file: give the app's .ts or .js file.`);
  const watchDirs = command.watchDirs.length ? command.watchDirs.map((d) => resolve(cwd, d)) : [dirname(file)];
  for (const dir of watchDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`Cannot watch "${relative(cwd, dir) || dir}": it is not a folder.`);
  }
  return { file, watchDirs };
}

/**
 * Serves the app file on one port until the process ends, running it again (fresh) after
 * each change to it or to a source file under the watched folders (see `isSourcePath`). A run
 * that fails leaves the last good version served.
 */
export async function runApp(command: RunCommand): Promise<void> {
  const { file, watchDirs } = resolveTargets(command);
  // TypeScript (and JSX) run as they are, then the user's modules are re-imported on each run.
  registerTypeScript();
  registerTypeScriptRequire();
  const data: ReloadHookData = { roots: [...new Set([...watchDirs, dirname(file)])] };
  register(new URL("./reload-hooks.js", import.meta.url), { data });

  // An app file's stray rejection (or a throw from its timers) is logged, not fatal: the
  // CLI keeps serving the last good version.
  installCrashGuards();
  const server = await ReloadServer.start({ host: command.host, port: command.port });
  const name = relative(process.cwd(), file) || file;
  const runner = new AppRunner({ file, name, demoName: command.demoName, server });
  let announced = false;
  let busy = false;
  /** Changes seen while a run was under way: they make one more run once it ends. */
  let queued: string[] | null = null;
  const runOnce = async (changed?: string[]) => {
    if (busy) {
      queued = [...new Set([...(queued ?? []), ...(changed ?? [])])];
      return;
    }
    busy = true;
    try {
      forgetRequiredUserFiles(data.roots);
      if (changed) console.log(`* Reloading ${name} (changed: ${changed.map((p) => relative(process.cwd(), p) || p).join(", ")})`);
      await runner.reload();
      console.log(announced ? `* Reloaded: ${server.url}` : `* Running on local URL:  ${server.url}`);
      announced = true;
    } catch (err) {
      const kept = server.run > 0 ? " The last good version is still served; fix it and save." : " Fix it and save to try again.";
      console.error(`vitrine: ${name} failed to run.${kept}\n${describeError(err)}`);
      if (server.run === 0) server.fail(`The app file ${name} failed to run:\n\n${describeError(err)}`);
    } finally {
      busy = false;
      const next = queued;
      queued = null;
      if (next) void runOnce(next);
    }
  };
  await runOnce();
  const watch = watchPaths({ folders: watchDirs, files: [file] }, (paths) => void runOnce(paths));
  console.log(`* Watching for changes in ${watchDirs.map((d) => relative(process.cwd(), d) || ".").join(", ")}`);
  const stop = () => {
    watch.close();
    void server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * Drops the user's CommonJS modules from `require`'s cache, so that the next run loads them
 * again (ES modules are made fresh by reload-hooks.ts instead).
 */
function forgetRequiredUserFiles(roots: readonly string[]): void {
  const cache = createRequire(import.meta.url).cache;
  for (const path of Object.keys(cache)) if (isUserFile(path, roots)) delete cache[path];
}
