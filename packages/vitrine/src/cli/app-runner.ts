/**
 * Runs an app file again and again, each time as fresh code (see reload-hooks.ts), and hands
 * the app each run builds to the {@link ReloadServer}. The app file either calls `launch()` —
 * which the runner takes over through `@vitrine/server`'s launch handoff, so no port is bound —
 * or exports the app.
 */
import { pathToFileURL } from "node:url";
import { LAUNCH_HANDOFF, prepareApp, type LaunchHandoff, type PreparedApp, type RunningServer } from "@vitrine/server";
import type { BlocksApp } from "@vitrine/core";
import { beginRun } from "./reload-state.js";
import { RUN_PARAM } from "./reload-hooks.js";
import { reloadMeta, type ReloadServer } from "./dev-server.js";
import { CliError } from "./errors.js";

/** What {@link AppRunner} needs. */
export interface AppRunnerOptions {
  /** The app file, absolute. */
  file: string;
  /** The app file as messages name it. */
  name: string;
  /** The export that is the app, if the user named one. */
  demoName?: string;
  /** Where each version is served. */
  server: ReloadServer;
}

/** The apps one run launched, with what was prepared to serve each. */
interface Launched {
  app: BlocksApp;
  prepared: PreparedApp;
}

/** Whether `value` looks like a Vitrine app (duck-typed: another copy of the packages may have made it). */
export function isApp(value: unknown): value is BlocksApp {
  const v = value as Partial<BlocksApp> | null;
  return typeof v === "object" && v !== null && v.type === "blocks" && typeof v.config === "function" && typeof v.startup === "function";
}

/**
 * Picks the app of a run: the export named `demoName` when given, else the app the file
 * launched, else its default export, else its export named `demo` (as Gradio's `demo`).
 *
 * @throws when none of them is an app, with a message saying what to do.
 */
export function pickApp(exports: Record<string, unknown>, launched: readonly BlocksApp[], demoName?: string, file = "The app file"): BlocksApp {
  if (demoName !== undefined) {
    const named = exports[demoName];
    if (isApp(named)) return named;
    const found = Object.keys(exports).filter((k) => isApp(exports[k]));
    const hint = found.length ? ` Its apps are exported as: ${found.join(", ")}.` : " It exports no app.";
    throw new CliError(`${file} has no export "${demoName}" that is a Vitrine app.${hint}`);
  }
  const app = launched.at(-1) ?? [exports.default, exports.demo].find(isApp);
  if (!app) throw new CliError(`${file} made no app: call demo.launch() in it, or export the app (export default demo).`);
  return app;
}

/** Adds the reload listener's tag to the page's head (replacing an earlier run's). */
function markForReload(app: BlocksApp, run: number): void {
  const head = (app.props.head ?? "").replace(/<meta name="vitrine-reload"[^>]*>/g, "");
  app.page({ head: head + reloadMeta(run) });
}

/** Runs an app file and serves what each run builds. */
export class AppRunner {
  private launched: Launched[] = [];
  private run = 0;

  constructor(private readonly options: AppRunnerOptions) {
    const handoff: LaunchHandoff = async ({ app, options: launchOptions, prepare }) => {
      const { server_name: _host, server_port: _port, max_port_tries: _tries, quiet: _quiet, ...serveOptions } = launchOptions;
      markForReload(app, this.run);
      const prepared = await prepare(app, serveOptions);
      this.launched.push({ app, prepared });
      return this.running(prepared);
    };
    (globalThis as { [LAUNCH_HANDOFF]?: LaunchHandoff })[LAUNCH_HANDOFF] = handoff;
  }

  /**
   * Runs the app file once more, as fresh code, and serves the app it builds. On failure
   * (the file throws, or builds no app) the previous version keeps being served.
   *
   * @returns the run's number.
   * @throws the run's error.
   */
  async reload(): Promise<number> {
    const run = beginRun();
    this.run = run;
    this.launched = [];
    const url = pathToFileURL(this.options.file);
    url.searchParams.set(RUN_PARAM, String(run));
    let chosen: PreparedApp | undefined;
    try {
      const exports = (await import(url.href)) as Record<string, unknown>;
      const app = pickApp(exports, this.launched.map((l) => l.app), this.options.demoName, this.options.name);
      chosen = this.launched.find((l) => l.app === app)?.prepared;
      if (!chosen) {
        markForReload(app, run);
        chosen = await prepareApp(app);
      }
      this.options.server.swap(run, chosen);
      return run;
    } finally {
      for (const { prepared } of this.launched) if (prepared !== chosen) prepared.service.close();
      this.launched = [];
    }
  }

  /** What `launch()` returns to the app file: the CLI's server, with this version's service. */
  private running(prepared: PreparedApp): RunningServer {
    const { server } = this.options;
    return {
      url: server.url,
      port: server.port,
      express: prepared.express,
      server: server.server,
      service: prepared.service,
      close: async () => prepared.service.close(),
    };
  }
}
