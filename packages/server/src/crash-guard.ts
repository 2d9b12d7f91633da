import { currentEventScope } from "./scope.js";

/** Marks the process once guarded (a symbol of the global registry: several copies of the server share it). */
const GUARDED = Symbol.for("vitrine.crashGuards");

/**
 * Keeps the server alive when an event function leaves a rejected promise unawaited or
 * throws from a timer or callback: by default Node ends the process for either, which would
 * stop the app for every user. The error is logged with a `[vitrine]` prefix, naming the event
 * whose function caused it when that can be told (through the event's async context).
 *
 * `launch()` calls it. An app served with `mount()` in an express app of its own calls it
 * once at startup if it wants the same. It acts once per process, and adds a handler only for
 * a process event that has none yet: an app's own `unhandledRejection` or
 * `uncaughtException` handler wins (and then has the job of logging).
 *
 * @example
 * const host = express();
 * mount(host, "/demo", demo);
 * installCrashGuards();
 * host.listen(8000);
 */
export function installCrashGuards(): void {
  const global = globalThis as { [GUARDED]?: boolean };
  if (global[GUARDED]) return;
  global[GUARDED] = true;
  if (process.listenerCount("unhandledRejection") === 0) {
    process.on("unhandledRejection", (reason) => report("Unhandled promise rejection", reason));
  }
  if (process.listenerCount("uncaughtException") === 0 && !process.hasUncaughtExceptionCaptureCallback()) {
    process.on("uncaughtException", (error) => report("Uncaught exception", error));
  }
}

function report(what: string, error: unknown): void {
  const scope = currentEventScope();
  const where = scope?.describe ? ` in ${scope.describe()}` : "";
  console.error(`[vitrine] ${what}${where} (the server keeps running):`, error);
}
