/**
 * Builders for the `sse_v3` messages the server sends on `/queue/data` (see PROTOCOL.md §3.3).
 * The set is closed: the official clients break on any other `msg`.
 */
import { isUserError } from "@vitrine/core";

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
 * Turns a throw into the payload clients show: a `vt.Error` keeps its message; anything
 * else is logged and reported without details unless `showError` is set.
 */
export function errorPayload(err: unknown, showError: boolean): ErrorPayload {
  if (isUserError(err)) {
    return { error: err.message, duration: err.duration, visible: err.visible, title: err.title };
  }
  console.error("[vitrine] event function failed:", err);
  return showError
    ? { error: err instanceof Error ? err.message : String(err), duration: 10, visible: true, title: "Error" }
    : { error: null };
}
