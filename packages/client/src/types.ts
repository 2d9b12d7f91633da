import type { RenderConfig } from "@vitrine/core";
import type { WebSocketConstructor } from "./live.js";
/** Options for {@link Client.connect}. */
export interface ClientOptions {
  /** The session to join; by default a fresh random base-36 string of 11 characters. */
  session_hash?: string;
  /** Extra headers sent with every request (e.g. `Authorization`, `Cookie`). */
  headers?: Record<string, string>;
  /**
   * `[username, password]` for an app launched with `auth` (Vitrine or Gradio): the client logs
   * in first (`POST {url}/login`, as Gradio's clients do) and sends the session cookie with
   * every request. In a browser the browser keeps the cookie (same origin only).
   */
  auth?: readonly [string, string];
  /** The `fetch` to use; defaults to the platform's `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Keep the session's live channel open until {@link Client.close}, as Gradio's browser UI
   * does, so the server knows when the session ends (it then runs `unload` handlers and frees
   * State). The channel is a WebSocket (`{api_prefix}/live/{session_hash}`) when the runtime
   * has one (see `WebSocket`) and the server serves it (Vitrine), else the heartbeat stream
   * (`GET {api_prefix}/heartbeat/{session_hash}`, Gradio). A WebSocket does not hold one of the
   * browser's six HTTP/1.1 connections per host, so any number of tabs can stay open. The
   * channel is reopened when it drops, with a delay that doubles from 0.5 s up to 30 s.
   * Default `false`: in Node an open channel keeps the process alive until `close()` is called.
   */
  heartbeat?: boolean;
  /**
   * The `WebSocket` class for the live channel: by default the platform's
   * (`globalThis.WebSocket`: browsers, Node 22+), or pass one (e.g. the `ws` package's) in
   * Node 20. `null` always uses the heartbeat stream. With extra `headers`, it is called as
   * `new WebSocket(url, { headers })`, which Node implementations accept; where that throws
   * (browsers), the heartbeat stream is used, since it can carry the headers.
   */
  WebSocket?: WebSocketConstructor | null;
  /**
   * Keep State outputs (sent as `null`) in returned data, so `data` lines up one-to-one with the
   * dependency's `outputs`, as a UI needs. Default `false`: State outputs are removed.
   */
  with_null_state?: boolean;
  /**
   * Query parameters sent with every event, which the app's functions read as
   * `ctx.request.query` (Vitrine) or `request.query_params` (Gradio). Vitrine's page passes its
   * own URL's (`location.search`), as Gradio's page does.
   */
  query?: string | Record<string, string> | URLSearchParams;
}

/** Options for one call ({@link Client.predict} / {@link Client.submit}). */
export interface CallOptions {
  /** Payload for the function's event data (`gr.EventData`); `null` by default. */
  event_data?: unknown;
  /** Id of the component that fired the event; `null` by default. */
  trigger_id?: number | null;
  /** Aborting it cancels the call, exactly like {@link Job.cancel}. */
  signal?: AbortSignal;
}

/** What {@link Client.predict} resolves with: the function's final output values. */
export interface PredictResult {
  /** Marks the result as output values. */
  type: "data";
  /** One value per output component of the endpoint, State outputs removed (see `with_null_state`). */
  data: unknown[];
  /** The endpoint called, as `"/api_name"` (or `"/predict"` for an unnamed dependency). */
  endpoint: string;
  /** The dependency's `id` in the config (the wire `fn_index`). */
  fn_index: number;
  /** When the result arrived. */
  time: Date;
}

/**
 * A running call, from {@link Client.submit}. Iterate it (once) with `for await` to receive its
 * status, data and log messages; iteration ends after the final status: `complete` (it
 * finished), `error` (it failed) or `cancelled`.
 * The call starts as soon as `submit()` returns, whether or not the job is iterated.
 */
export interface Job extends AsyncIterable<JobMessage> {
  /**
   * Cancels the call: `POST {api_prefix}/cancel`, then `POST {api_prefix}/reset`. Resolves once
   * both requests are done and the job has ended: with a final status `cancelled`, or with
   * the one the server reported if the job finished or failed first. Does nothing for a job that
   * has already ended.
   */
  cancel(): Promise<void>;
  /** The queue's event id, once `queue/join` answers; `null` for non-queued calls or a failed join. */
  readonly event_id: Promise<string | null>;
}

/** Any message a {@link Job} yields. */
export type JobMessage = StatusMessage | DataMessage | LogMessage;

/**
 * Where a call is: `pending` (queued or running), `generating` (streaming outputs), and one final
 * status: `complete` (finished; its data came just before), `error` (failed: `message`, `code`)
 * or `cancelled` (stopped by {@link Job.cancel}, an aborted `signal`, or the server cancelling
 * it; `code: "cancelled"`). Gradio's own client reports a cancelled job as an `error`.
 */
export interface StatusMessage {
  /** Marks the message as a status update. */
  type: "status";
  /** Where the call is (see the interface's description). */
  stage: "pending" | "generating" | "complete" | "error" | "cancelled";
  /** Whether the call goes through the queue (`false` for `queue: false` endpoints). */
  queue: boolean;
  /** 0-based position in the queue (`0` once the function starts). */
  position?: number | null;
  /** Number of events in the queue. */
  size?: number | null;
  /** Estimated seconds until the result. */
  eta?: number | null;
  /** The error message (stage `error`), or `"Cancelled"` for a cancelled call. */
  message?: string | null;
  /** The error's title (stage `error`), `"Error"` unless the app set one. */
  title?: string;
  /** Seconds the app wants an error shown for; `null` means until dismissed. */
  duration?: number | null;
  /** Whether the app wants the error shown. */
  visible?: boolean;
  /** `gr.Progress` updates: `[{index, length, unit, progress, desc}]`. */
  progress_data?: unknown[] | null;
  /** `true` on `complete`, `false` on `error` and `cancelled`. */
  success?: boolean;
  /** The endpoint called, as `"/api_name"`. */
  endpoint: string;
  /** The dependency's `fn_index`. */
  fn_index: number;
  /** When the status changed. */
  time: Date;
  /**
   * A machine-readable reason: `"validation_error"` (422 from the server), `"queue_full"` (503),
   * `"cancelled"`, `"connection_lost"`, `"closed"` (the client was closed), `"http_error"`,
   * `"upload_error"` (a file of the call could not be uploaded: over `max_file_size`, refused),
   * `"unexpected_error"`, `"protocol_error"`.
   */
  code?: string;
}

/** Output values: one per intermediate result of a generator, and one for the final result. */
export interface DataMessage {
  /** Marks the message as output values. */
  type: "data";
  /**
   * The full current value of each output component (diffs already applied), State outputs
   * removed unless the client was connected with `with_null_state`.
   */
  data: unknown[];
  /** The endpoint called, as `"/api_name"`. */
  endpoint: string;
  /** The dependency's `fn_index`. */
  fn_index: number;
  /** When the message arrived. */
  time: Date;
  /** The `event_data` the call was made with. */
  event_data: unknown;
  /**
   * For a `vt.render` (`@gr.render`) rebuild: the region's new blocks and listeners, already
   * merged into the client's config.
   */
  render_config?: RenderConfig;
  /** With the final data: the ids of the States (kept on the server) whose value the call changed. */
  changed_state_ids?: number[];
}

/** A `gr.Info` / `gr.Warning` / `gr.Success` message (or any log) from the running function. */
export interface LogMessage {
  /** Marks the message as a log. */
  type: "log";
  /** Text of the message. */
  log: string;
  /** Kind of message, which sets how it is shown. */
  level: "info" | "warning" | "success" | "error";
  /** Title of the message, when the app gave one. */
  title?: string;
  /** Seconds to show it for; `null` means until dismissed. */
  duration?: number | null;
  /** Whether the app wants the message shown. */
  visible?: boolean;
  /** The endpoint called, as `"/api_name"`. */
  endpoint: string;
  /** The dependency's `fn_index`. */
  fn_index: number;
  /** When the message arrived. */
  time: Date;
}
