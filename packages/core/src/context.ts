import type { LogOptions } from "./messages.js";
import type { Progress } from "./progress.js";

/** Facts about the HTTP request that triggered an event. */
export interface RequestInfo {
  /** Request headers, lower-cased names. */
  headers: Record<string, string>;
  /** Client address, when known. */
  client: { host: string | null };
  /** The URL path the request was made to. */
  path: string;
}

/** What an event knows about the browser event that fired it. */
export interface EventData {
  /** Id of the component that fired the event, or null for API calls. */
  target: number | null;
  /** Event-specific payload sent by the browser, if any. */
  data: unknown;
}

/**
 * The last argument of every event function.
 *
 * @example
 * fn: async (name: string, { signal, progress }) => {
 *   progress(0, { desc: "Starting" });
 *   await work(name, { signal });
 *   return "done";
 * }
 */
export interface EventContext {
  /** Fires when the event is cancelled or its client goes away. */
  signal: AbortSignal;
  /** The browser session (one page load, or one API client) the event belongs to. */
  session: { hash: string };
  /** The request that queued the event. */
  request: RequestInfo;
  /** The browser event that triggered the function. */
  event: EventData;
  /**
   * Reports progress, shown as a progress bar over the outputs: `progress(0.3, { desc })`,
   * `progress([3, 10], { unit: "files" })`, or `for (const x of progress.track(items))`.
   * Updates are throttled on the wire, so calling it in a tight loop is fine.
   */
  progress: Progress;
  /** Shows an info toast in the browser (a `log` message), like `vt.Info`. */
  info(message: string, options?: LogOptions): void;
  /** Shows a warning toast in the browser (a `log` message), like `vt.Warning`. */
  warning(message: string, options?: LogOptions): void;
}
