/**
 * The boundary between a server and a queue that several server processes share (Redis, in
 * `@vitrine/queue-redis`). The in-memory {@link Queue} runs closures; a shared queue can only
 * hold data, so a job here is a description any process of the same app can run, and each
 * process runs the jobs it claims with its own in-memory queue.
 */

/** One event, as stored in a shared queue: enough for any process of the app to run it. */
export interface SharedJob {
  /** The event id (unique). */
  id: string;
  /** The session it belongs to: its messages go to this session's stream. */
  session: string;
  /** The function it calls (its `fn_index`): a session's events of some functions can be cancelled together. */
  fn: number;
  /** The concurrency group it waits in. */
  group: string;
  /** Jobs of the same group with the same key may be claimed together as one batch. */
  batchKey: string | null;
  /** Run again (by a surviving process) if the process running it dies, instead of failing. */
  retry: boolean;
  /** Whatever the server needs to run it (its function, inputs, request), opaque to the queue. */
  payload: unknown;
}

/** A concurrency group of the app, as every process knows it. */
export interface SharedGroup {
  /** The group's `concurrency_id`, the same in every process. */
  id: string;
  /** Runs at once across all processes; null = unlimited. */
  limit: number | null;
  /** Most jobs claimed together as one batch (1 = no batching). */
  batchMax: number;
}

/** Limits and messages of a push. */
export interface PushOptions {
  /** Most jobs waiting across all processes (the app's `max_size`); null or absent: no limit. */
  maxSize?: number | null;
  /** Most events one session may have pending; null or absent: no limit. */
  maxPerSession?: number | null;
  /**
   * The message the session gets each time the waiting job's place is known, with `{rank}`,
   * `{queue_size}` and `{rank_eta}` (seconds, or `null`) filled in: sent in the same step as
   * the push, so it always comes before the job's start.
   */
  estimation?: string;
}

/** Raised by a shared queue's push when the job's session already has as many events pending as it may. */
export class SessionFullError extends Error {
  constructor(readonly max: number) {
    super(`This session already has ${max} event(s) pending`);
    this.name = "SessionFullError";
  }
}

/** Where a pushed job stands. */
export type PushResult =
  /** It was free to start, and this process claimed it: run it now. */
  | { claimed: true }
  /** It waits: its place (0-based) and the group's waiting jobs. */
  | { claimed: false; rank: number; queueSize: number };

/** What a shared queue asks of the server process it runs in. */
export interface SharedQueueHost {
  /** Jobs this process claimed (one, or a batch of the same key): run them and call `finished` at the end. */
  run(jobs: SharedJob[]): void;
  /** A job running in this process was cancelled from another process: abort it. */
  cancelRunning(id: string): void;
  /** A job whose process died, and which is not retried: tell its client it failed. */
  lost(job: SharedJob): void;
}

/** The reader of one session's messages in this process (its SSE stream). */
export interface SessionReader {
  /** Stops reading: the session's later messages are kept for its next reader. */
  close(): Promise<void>;
}

/**
 * A queue, sessions and State shared by several processes of one app. Messages of a session go
 * to whichever process holds its reader; State values are bytes the server serializes.
 */
export interface SharedQueueBackend {
  /** This process's id (unique among the processes sharing the queue). */
  readonly processId: string;
  /** Connects, and starts claiming jobs of these groups for `host`. */
  start(groups: readonly SharedGroup[], host: SharedQueueHost): Promise<void>;
  /**
   * Adds a job (and records it as a pending event of its session). Rejects with
   * `QueueFullError` when `maxSize` jobs already wait across all processes, and with
   * `SessionFullError` when its session already has `maxPerSession` events pending.
   */
  push(job: SharedJob, options?: PushOptions): Promise<PushResult>;
  /** Jobs claimed by this process ended (the first id names the run); frees their slot, records the duration. Resolves with the group's average duration. */
  finished(runId: string, group: string, durationSeconds: number | null): Promise<number | null>;
  /** Cancels an event of a session wherever it is: "waiting" (removed), "running" (its process told), or "unknown". */
  cancel(session: string, id: string): Promise<"waiting" | "running" | "unknown">;
  /** Records an event that runs outside the shared queue (in this process only) as pending for its session. */
  track(session: string, id: string, fn: number): Promise<void>;
  /** A session's events whose completion has not been sent yet: their ids and functions. */
  pending(session: string): Promise<{ id: string; fn: number }[]>;

  /** Sends a framed message to a session's stream; `completes` names the event it completes. */
  deliver(session: string, text: string, completes: string | null): void;
  /**
   * Becomes the one reader of a session: `receive` gets its messages in order, those waiting
   * first (a backend may join messages sent in a row into one text, whose `completes` is then
   * its last one's), with `done` set once every event of the session has completed and its messages are
   * all given (the reader's claim is then released: the stream may end). Resolves with "busy"
   * when another process (or stream) reads it already, and with "unknown" when the session has
   * neither an event to complete nor a message to deliver. `receive` is first called after the
   * promise has resolved (in a later task), so the caller can open its stream in between.
   */
  read(session: string, receive: (messages: [string, string | null][], done: boolean) => void): Promise<SessionReader | "busy" | "unknown">;
  /** Whether a session has a reader anywhere. */
  hasReader(session: string): Promise<boolean>;
  /** Drops a session's pending events and undelivered messages (its client went away). */
  dropSession(session: string): Promise<void>;

  /** A session's State values (serialized), by State id; missing ones are absent. */
  loadState(session: string, ids: readonly number[]): Promise<Map<number, Buffer>>;
  /** Keeps a session's State value; it expires `ttlMs` after it was last set, if given. */
  saveState(session: string, id: number, value: Buffer, ttlMs: number | null): void;
  /** Deletes a session's State values; resolves with what they were. */
  endState(session: string, ids: readonly number[]): Promise<Map<number, Buffer>>;

  /** Stops claiming; jobs still waiting stay for the other processes. */
  close(): Promise<void>;
}
