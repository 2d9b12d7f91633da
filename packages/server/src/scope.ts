import { AsyncLocalStorage } from "node:async_hooks";
import { setLogSink, type LogEntry } from "@vitrine/core";

/** What `vt.Info`/`vt.Warning` reach while an event function runs: that event (or batch). */
export interface EventScope {
  /** Sends a `log` message for the event; false once it has ended (the message is printed instead). */
  log(entry: LogEntry): boolean;
  /** Names the event (or batch) in the server's log, e.g. `event 3f2a… of /greet`. */
  describe?(): string;
}

const storage = new AsyncLocalStorage<EventScope>();
let installed = false;

/**
 * Routes `vt.Info`/`vt.Warning` to the event whose function is running, found through
 * AsyncLocalStorage. Installed once per process; a sink installed before (another copy of
 * the server) still gets the messages of its own events.
 */
export function installLogSink(): void {
  if (installed) return;
  installed = true;
  const previous = setLogSink((entry) => storage.getStore()?.log(entry) ?? previous?.(entry) ?? false);
}

/** The event whose function (or what it awaited or scheduled) is running now, if any. */
export function currentEventScope(): EventScope | undefined {
  return storage.getStore();
}

/** Runs `fn` (and everything it awaits or schedules) as part of the event `scope`. */
export function runInScope<T>(scope: EventScope, fn: () => T): T {
  return storage.run(scope, fn);
}
