import type { LogOptions } from "./messages.js";
import type { Progress } from "./progress.js";

/** Facts about the HTTP request that triggered an event. */
export interface RequestInfo {
  /** Request headers, lower-cased names. */
  headers: Record<string, string>;
  /**
   * Query parameters: those of the page the event came from (the page's client sends them
   * with each event, as Gradio's does), or of the API request.
   */
  query: Record<string, string>;
  /** Client address, when known. */
  client: { host: string | null };
  /** The URL path the request was made to. */
  path: string;
  /** The session the event belongs to. */
  session_hash: string;
  /** The logged-in user's name, or null when the app has no login. */
  username: string | null;
}

/**
 * What an event knows about the browser event that fired it: the block that fired it, and the
 * data the event carries (`D`, declared by the component for each event: SelectData for
 * `select`, KeyUpData for `key_up`, …). The data's fields are also on the object itself, as in
 * Gradio (`ctx.event.index`, `ctx.event.value`).
 */
export type EventData<D = unknown> = {
  /** Id of the block that fired the event, or null for API calls. */
  readonly target: number | null;
  /** The event's payload as the page sent it (null when it carries none). */
  readonly data: D;
} & EventFields<D>;

/** The fields of an event's data, when it is an object. */
type EventFields<D> = [D] extends [Record<string, unknown>] ? Readonly<D> : unknown;

/** The event data of an event: its fields spread beside `target` and `data`, when the data is an object. */
export function eventData<D>(target: number | null, data: D): EventData<D> {
  const fields = typeof data === "object" && data !== null && !Array.isArray(data) ? data : {};
  return { ...fields, target, data } as EventData<D>;
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
export interface EventContext<D = unknown> {
  /** Fires when the event is cancelled or its client goes away. */
  signal: AbortSignal;
  /** The browser session (one page load, or one API client) the event belongs to. */
  session: { hash: string };
  /** The request that queued the event. */
  request: RequestInfo;
  /** The browser event that triggered the function, with its data typed by the event (`ctx.event.index` for a `select`). */
  event: EventData<D>;
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
