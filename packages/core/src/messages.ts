/**
 * `vt.Info` and `vt.Warning`: toasts an event function shows in the browser while it runs.
 * Core has no I/O, so they hand the message to a sink that the server installs (it finds the
 * running event and sends a `log` message on its stream); with no sink, or outside an
 * event, they print to the console.
 */

/** Level of a message shown in the browser. */
export type LogLevel = "info" | "warning";

/** Options of {@link Info} and {@link Warning}. */
export interface LogOptions {
  /** Seconds the toast stays up; `null` keeps it until closed. Default 10. */
  duration?: number | null;
  /** Whether the toast is shown at all. Default true. */
  visible?: boolean;
  /** Title of the toast. Default "" (the page then shows the level, "Info" or "Warning"). */
  title?: string;
}

/** A message on its way to the browser (the fields of a `log` message on the wire). */
export interface LogEntry {
  /** Whether it is an info or a warning. */
  level: LogLevel;
  /** Text of the message. */
  message: string;
  /** Title of the toast. */
  title: string;
  /** Seconds the toast stays; null keeps it until closed. */
  duration: number | null;
  /** Whether a toast is shown. */
  visible: boolean;
}

/**
 * Where {@link Info} and {@link Warning} go: returns true when the message reached a running
 * event, false to have it printed to the console instead.
 */
export type LogSink = (entry: LogEntry) => boolean;

/** Kept on `globalThis` so that two copies of this module (bundled twice) share one sink. */
const SINK = Symbol.for("vitrine.log-sink");
type SinkHolder = { [SINK]?: LogSink | null };

/**
 * Installs the function that delivers {@link Info} and {@link Warning} messages (the server
 * does this; apps don't need to). Pass `null` to remove it. Returns the previous sink.
 */
export function setLogSink(sink: LogSink | null): LogSink | null {
  const holder = globalThis as SinkHolder;
  const previous = holder[SINK] ?? null;
  holder[SINK] = sink;
  return previous;
}

/** Builds the entry of a message, with the defaults filled in. */
export function logEntry(level: LogLevel, message: string, options: LogOptions = {}): LogEntry {
  return {
    level,
    message: String(message),
    title: options.title ?? "",
    duration: options.duration === undefined ? 10 : options.duration,
    visible: options.visible ?? true,
  };
}

/** Sends an entry to the installed sink, or prints it when no running event takes it. */
export function emitLog(entry: LogEntry): void {
  const sink = (globalThis as SinkHolder)[SINK];
  if (sink && sink(entry)) return;
  printLog(entry);
}

/** Prints an entry to the console (what {@link Info} and {@link Warning} do outside an event). */
export function printLog(entry: LogEntry): void {
  const text = entry.title ? `${entry.title}: ${entry.message}` : entry.message;
  if (entry.level === "warning") console.warn(`[vitrine] Warning: ${text}`);
  else console.info(`[vitrine] Info: ${text}`);
}

/**
 * Shows an info toast in the browser of the user whose event is running. Call it anywhere
 * inside an event function (sync or async, generators, after awaits); outside one it prints
 * to the console.
 *
 * @example
 * fn: async (file: string) => { vt.Info("Upload started"); await upload(file); return "done"; }
 */
export function Info(message: string, options?: LogOptions): void {
  emitLog(logEntry("info", message, options));
}

/**
 * Shows a warning toast in the browser of the user whose event is running; the function
 * keeps running (throw `vt.Error` to stop it with an error). Outside an event it prints to
 * the console.
 *
 * @example
 * fn: (n: number) => { if (n > 100) vt.Warning("Large values are slow"); return n * 2; }
 */
export function Warning(message: string, options?: LogOptions): void {
  emitLog(logEntry("warning", message, options));
}
