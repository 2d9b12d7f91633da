import type { FileData, RenderConfig } from "@vitrine/core";
/**
 * What the page needs from `@vitrine/client`: a `submit` that streams messages. Declared
 * here so the event logic stays independent of how the client is built.
 */

/** One progress bar's state, as the server reports it (`progress_data`). */
export interface ProgressUnit {
  index: number | null;
  length: number | null;
  unit: string | null;
  progress: number | null;
  desc: string | null;
}

/** Where a job stands; `complete`, `error` and `cancelled` are final. */
export interface StatusMessage {
  type: "status";
  stage: "pending" | "generating" | "complete" | "error" | "cancelled";
  position?: number | null;
  eta?: number | null;
  message?: string | null;
  title?: string | null;
  duration?: number | null;
  visible?: boolean | null;
  progress_data?: ProgressUnit[] | null;
  /** `true` on `complete`, `false` on `error` and `cancelled`. */
  success?: boolean;
}

/** Output values, in the order of the dependency's `outputs` (each one replaces the last). */
export interface DataMessage {
  type: "data";
  data: unknown[];
  /** A `vt.render` rebuild's new region (with the final data). */
  render_config?: RenderConfig;
  /** The States (kept on the server) whose value the call changed: their `change` listeners run. */
  changed_state_ids?: number[];
}

/** An info or warning message the function sent (`vt.Info`, `vt.Warning`). */
export interface LogMessage {
  type: "log";
  log: string;
  level: "info" | "warning" | "error" | string;
  title?: string | null;
  duration?: number | null;
  visible?: boolean | null;
}

/** Anything a submitted job yields; other message types are ignored. */
export type JobMessage = StatusMessage | DataMessage | LogMessage | { type: string };

/** A submitted job: its messages, and a way to stop it. */
export interface EventJob extends AsyncIterable<JobMessage> {
  cancel(): unknown;
  /** The queue's event id, once the join answered (what streamed chunks are addressed to). */
  readonly event_id?: Promise<string | null>;
}

/** Options of one submission. */
export interface SubmitOptions {
  /** The block that fired the event. */
  trigger_id: number | null;
  /** Data the view passed with the event (`dispatch(event, data)`). */
  event_data: unknown;
}

/** The part of `@vitrine/client`'s `Client` the page uses. */
export interface EventClient {
  submit(fnIndex: number, data: unknown[], options: SubmitOptions): EventJob;
  /** Uploads files (`POST /gradio_api/upload`) and resolves with their FileData, in order. */
  upload?(files: readonly Blob[], options: { upload_id?: string; onProgress?: (fraction: number) => void }): Promise<FileData[]>;
  /** Sends a streamed chunk on the live channel; false when none is open. */
  stream_chunk?(eventId: string, input: number, chunk: Blob, mimeType?: string): Promise<boolean>;
  /** Gives a running stream event the current values of its other inputs on the live channel; false when none is open. */
  stream_inputs?(eventId: string, data: unknown[]): boolean;
  /** Gives a running stream event its input values whole (`POST /stream/{event_id}`). */
  send_chunk?(eventId: string, data: unknown[]): Promise<void>;
  /** Ends a running stream event. */
  close_stream?(eventId: string): Promise<void>;
  /** Hears the server's errors about streamed chunks. */
  on_stream_error?(listener: (error: { event_id: string | null; message: string }) => void): () => void;
}
