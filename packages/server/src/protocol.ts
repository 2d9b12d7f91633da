import type { RenderConfig } from "@vitrine/core";
/**
 * Builders for the `sse_v3` messages the server sends on `/queue/data` (see PROTOCOL.md §3.3).
 * The set is closed: the official clients break on any other `msg`.
 */
import { isUserError, type LogEntry, type ProgressUnit } from "@vitrine/core";

/** An event's error, as `output` of a failed `process_completed` and the body of a failed `/run`. */
export interface ErrorPayload {
  error: string | null;
  duration?: number | null;
  visible?: boolean;
  title?: string;
}

/** The output object of a successful step or completion. */
export function outputObject(data: unknown[], isGenerating: boolean, duration = 0, average = duration) {
  return {
    data,
    is_generating: isGenerating,
    duration,
    average_duration: average,
    render_config: null,
    changed_state_ids: [],
    used_cache: null,
  };
}

export const messages = {
  estimation: (event_id: string, rank: number, queue_size: number, rank_eta: number | null) => ({
    msg: "estimation",
    event_id,
    rank,
    queue_size,
    rank_eta,
  }),
  processStarts: (event_id: string, eta: number | null) => ({ msg: "process_starts", event_id, eta }),
  progress: (event_id: string, progress_data: ProgressUnit[]) => ({ msg: "progress", event_id, progress_data }),
  /** A `vt.Info`/`vt.Warning` toast. */
  log: (event_id: string, entry: LogEntry) => ({
    msg: "log",
    event_id,
    log: entry.message,
    level: entry.level,
    title: entry.title,
    duration: entry.duration,
    visible: entry.visible,
  }),
  processGenerating: (event_id: string, data: unknown[]) => ({
    msg: "process_generating",
    event_id,
    output: outputObject(data, true),
    success: true,
    time_limit: null,
  }),
  processCompleted: (event_id: string, data: unknown[], duration: number, average: number) => ({
    msg: "process_completed",
    event_id,
    output: outputObject(data, false, duration, average),
    success: true,
    title: null,
    used_cache: null,
    cache_duration: duration,
    avg_time: average,
  }),
  processFailed: (event_id: string, payload: ErrorPayload) => ({
    msg: "process_completed",
    event_id,
    output: payload,
    success: false,
    title: payload.title ?? "Error",
    used_cache: null,
    cache_duration: null,
    avg_time: null,
  }),
  /** What Gradio sends for a cancelled event: a completion with an empty output. */
  processCancelled: (event_id: string) => ({
    msg: "process_completed",
    event_id,
    output: {},
    success: true,
    title: null,
    used_cache: null,
    cache_duration: null,
    avg_time: null,
  }),
  closeStream: () => ({ msg: "close_stream", event_id: null }),
  heartbeat: () => ({ msg: "heartbeat", event_id: null }),
  sessionNotFound: () => ({
    msg: "unexpected_error",
    event_id: null,
    message: "404: Not Found",
    session_not_found: true,
    success: false,
  }),
};

/** A message as sent on the stream. */
export type QueueMessage = ReturnType<(typeof messages)[keyof typeof messages]>;

/**
 * One message framed for the stream. The framing is strict (Gradio's Python client demands
 * it): `data: <single-line JSON>\n\n`, nothing else.
 */
export function frame(message: QueueMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

/** `close_stream` and `heartbeat`, framed once. */
export const CLOSE_STREAM = frame(messages.closeStream());
export const HEARTBEAT = frame(messages.heartbeat());

/** A number as JSON writes it (`null` for null, NaN and infinities). */
function num(x: number | null): string {
  return x === null || !Number.isFinite(x) ? "null" : String(x);
}

/*
 * The messages of every event, framed from templates rather than by serializing whole
 * message objects (the same bytes as `frame(messages.…(…))`, checked by protocol.test.ts).
 * Event ids must need no JSON escaping: the server's are hex.
 */

/** A framed `estimation`. */
export function estimationFrame(eventId: string, rank: number, queueSize: number, rankEta: number | null): string {
  return `data: {"msg":"estimation","event_id":"${eventId}","rank":${num(rank)},"queue_size":${num(queueSize)},"rank_eta":${num(rankEta)}}\n\n`;
}

/**
 * An event's framed `estimation` with `{rank}`, `{queue_size}` and `{rank_eta}` in place of its
 * numbers, for a shared queue to fill in where the event waits (the same bytes once filled).
 */
export function estimationTemplate(eventId: string): string {
  return `data: {"msg":"estimation","event_id":"${eventId}","rank":{rank},"queue_size":{queue_size},"rank_eta":{rank_eta}}\n\n`;
}

/** A framed `process_starts`. */
export function startsFrame(eventId: string, eta: number | null): string {
  return `data: {"msg":"process_starts","event_id":"${eventId}","eta":${num(eta)}}\n\n`;
}

/** A framed successful `process_completed`. */
export function completedFrame(
  eventId: string,
  data: unknown[],
  duration: number,
  average: number,
  renderConfig: RenderConfig | null = null,
  changedStateIds: readonly number[] = [],
): string {
  const d = num(duration);
  const a = num(average);
  return (
    `data: {"msg":"process_completed","event_id":"${eventId}","output":{"data":${JSON.stringify(data)},` +
    `"is_generating":false,"duration":${d},"average_duration":${a},"render_config":${JSON.stringify(renderConfig)},"changed_state_ids":${JSON.stringify(changedStateIds)},` +
    `"used_cache":null},"success":true,"title":null,"used_cache":null,"cache_duration":${d},"avg_time":${a}}\n\n`
  );
}

/**
 * A framed `process_generating` (the message of every streamed output), built around the
 * serialized data rather than from a whole message object: the same bytes as
 * `frame(messages.processGenerating(eventId, data))`. `eventId` must need no JSON escaping
 * (the server's ids are hex).
 */
export function generatingFrame(eventId: string, data: unknown[]): string {
  return (
    `data: {"msg":"process_generating","event_id":"${eventId}","output":{"data":${JSON.stringify(data)},` +
    `"is_generating":true,"duration":0,"average_duration":0,"render_config":null,"changed_state_ids":[],` +
    `"used_cache":null},"success":true,"time_limit":null}\n\n`
  );
}

const logged = new WeakSet<object>();

/**
 * Turns a throw into the payload clients show: a `vt.Error` keeps its message; anything
 * else is logged and reported without details unless `showError` is set.
 */
export function errorPayload(err: unknown, showError: boolean): ErrorPayload {
  if (isUserError(err)) {
    return { error: err.message, duration: err.duration, visible: err.visible, title: err.title };
  }
  // A failed batch reports one error to each of its events: log it once.
  if (typeof err !== "object" || err === null || !logged.has(err)) {
    if (typeof err === "object" && err !== null) logged.add(err);
    console.error("[vitrine] event function failed:", err);
  }
  return showError
    ? { error: err instanceof Error ? err.message : String(err), duration: 10, visible: true, title: "Error" }
    : { error: null };
}
