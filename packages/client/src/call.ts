import type { AppConfig, RenderConfig } from "@vitrine/core";
import { isRenderConfig, mergeRenderConfig } from "./render.js";
import { Channel } from "./channel.js";
import { applyDiff } from "./diff.js";
import { appError, errorText, httpFailure, isRecord, readBody, type Failure } from "./http.js";
import { stripStateOutputs, type ResolvedEndpoint } from "./resolve.js";
import type { Session } from "./session.js";
import type { CallOptions, DataMessage, Job, JobMessage, LogMessage, StatusMessage } from "./types.js";

/** The fields a status message may add to the ones every status carries. */
type StatusFields = Omit<StatusMessage, "type" | "stage" | "queue" | "endpoint" | "fn_index" | "time">;

/**
 * One call of one endpoint: sends it (through the queue or `/run`), turns the server's messages
 * into {@link JobMessage}s (applying streamed diffs) and ends with exactly one final status.
 */
export class Call {
  readonly job: Job;
  readonly queued: boolean;
  /** The event id once `queue/join` answered. */
  eventId: string | null = null;
  #ended = false;
  readonly #session: Session;
  readonly #config: AppConfig;
  readonly #endpoint: ResolvedEndpoint;
  #data: unknown[];
  /** Uploads the files inside the data before the call is sent (see `uploadInData`). */
  readonly #prepare: ((data: unknown[], signal: AbortSignal) => Promise<unknown[]>) | undefined;
  readonly #eventData: unknown;
  readonly #triggerId: number | null;
  readonly #signal: AbortSignal | undefined;
  readonly #channel = new Channel<JobMessage>();
  /** Aborts this call's own requests (`queue/join` or `run/…`). */
  readonly #requests = new AbortController();
  readonly #eventIdPromise: Promise<string | null>;
  #resolveEventId!: (id: string | null) => void;
  #cancelling: Promise<void> | null = null;
  /** Whether the call's files are being uploaded (nothing sent to the queue yet). */
  #preparing = false;
  /** The full current value of each output (State slots included), for diffs. */
  #values: unknown[] | null = null;
  readonly #onAbort = (): void => {
    void this.cancel();
  };

  constructor(
    session: Session,
    config: AppConfig,
    endpoint: ResolvedEndpoint,
    data: unknown[],
    options: CallOptions,
    prepare?: (data: unknown[], signal: AbortSignal) => Promise<unknown[]>,
  ) {
    this.#prepare = prepare;
    this.#session = session;
    this.#config = config;
    this.#endpoint = endpoint;
    this.#data = data;
    this.#eventData = options.event_data ?? null;
    this.#triggerId = options.trigger_id ?? null;
    this.#signal = options.signal;
    this.queued = endpoint.queued;
    this.#eventIdPromise = new Promise((resolve) => {
      this.#resolveEventId = resolve;
    });
    const channel = this.#channel;
    this.job = {
      cancel: () => this.cancel(),
      event_id: this.#eventIdPromise,
      [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator](),
    };
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Sends the call. Everything after this point is reported through the job, never thrown. */
  start(): void {
    if (this.#signal?.aborted) {
      this.#resolveEventId(null);
      this.#finishCancelled();
      return;
    }
    this.#signal?.addEventListener("abort", this.#onAbort, { once: true });
    this.#session.track(this);
    this.#status("pending", {});
    void this.#send();
  }

  async #send(): Promise<void> {
    if (this.#prepare) {
      this.#preparing = true;
      try {
        this.#data = await this.#prepare(this.#data, this.#requests.signal);
      } catch (err) {
        this.#resolveEventId(null);
        if (this.#ended) return;
        if (this.#cancelling !== null || this.#signal?.aborted) this.#finishCancelled();
        else this.fail({ message: errorText(err), code: "upload_error" });
        return;
      } finally {
        this.#preparing = false;
      }
      if (this.#ended) {
        this.#resolveEventId(null);
        return;
      }
      if (this.#cancelling !== null || this.#signal?.aborted) {
        // Cancelled while its files were uploading: nothing was sent.
        this.#resolveEventId(null);
        this.#finishCancelled();
        return;
      }
    }
    await (this.queued ? this.#join() : this.#run());
  }

  #body(): Record<string, unknown> {
    return {
      data: this.#data,
      event_data: this.#eventData,
      fn_index: this.#endpoint.fn_index,
      trigger_id: this.#triggerId,
      session_hash: this.#session.session_hash,
    };
  }

  async #join(): Promise<void> {
    this.#session.joining++;
    let res: Response;
    let body: unknown;
    try {
      res = await this.#session.post(`/queue/join${this.#session.query}`, this.#body(), this.#requests.signal, { "x-gradio-user": "api" });
      body = await readBody(res);
    } catch (err) {
      this.#resolveEventId(null);
      if (!this.#ended) this.fail({ message: `Could not reach the server: ${errorText(err)}`, code: "connection_lost" });
      return;
    } finally {
      this.#session.joining--;
    }
    if (!res.ok) {
      this.#resolveEventId(null);
      if (!this.#ended) this.fail(httpFailure(res, body));
      return;
    }
    const eventId = isRecord(body) ? body["event_id"] : undefined;
    if (typeof eventId !== "string" || eventId === "") {
      this.#resolveEventId(null);
      if (!this.#ended) this.fail({ message: "The server did not return an event id for the call.", code: "protocol_error" });
      return;
    }
    this.eventId = eventId;
    this.#resolveEventId(eventId);
    if (this.#ended) return; // the client was closed meanwhile
    this.#session.register(eventId, this);
  }

  async #run(): Promise<void> {
    this.#resolveEventId(null);
    const api = this.#endpoint.api_name;
    const path = (api === null ? "/run/predict" : `/run/${encodeURIComponent(api)}`) + this.#session.query;
    let res: Response;
    let body: unknown;
    try {
      res = await this.#session.post(path, this.#body(), this.#requests.signal, { "x-gradio-user": "api" });
      body = await readBody(res);
    } catch (err) {
      if (!this.#ended) this.fail({ message: `Could not reach the server: ${errorText(err)}`, code: "connection_lost" });
      return;
    }
    if (this.#ended) return;
    if (!res.ok) {
      this.fail(httpFailure(res, body));
      return;
    }
    this.#output(body, undefined, true, false);
  }

  /** Handles one message from the session's event stream (PROTOCOL.md §3.3). */
  handle(msg: Record<string, unknown>): void {
    if (this.#ended) return;
    switch (msg["msg"]) {
      case "estimation":
        this.#status("pending", {
          position: numberOrNull(msg["rank"]),
          size: numberOrNull(msg["queue_size"]),
          eta: numberOrNull(msg["rank_eta"]),
        });
        return;
      case "process_starts":
        this.#status("pending", { position: 0, eta: numberOrNull(msg["eta"]) });
        return;
      case "progress":
        this.#status("pending", {
          progress_data: Array.isArray(msg["progress_data"]) ? (msg["progress_data"] as unknown[]) : null,
        });
        return;
      case "log":
        this.#log(msg);
        return;
      case "process_generating":
      case "process_streaming":
        this.#output(msg["output"], msg, false, msg["msg"] === "process_streaming");
        return;
      case "process_completed":
        this.#output(msg["output"], msg, true, false);
        return;
      case "unexpected_error":
        this.fail({
          message: typeof msg["message"] === "string" && msg["message"] !== "" ? msg["message"] : "An unexpected error occurred",
          code: "unexpected_error",
        });
        return;
      default:
        // heartbeat, and any message type this client does not know: ignored.
        return;
    }
  }

  /**
   * An output object, from a stream message or a `/run` answer: an error ends the call; data
   * (diffed against the previous values for later intermediate results) is yielded.
   */
  #output(output: unknown, msg: Record<string, unknown> | undefined, final: boolean, noDiff: boolean): void {
    if (msg?.["success"] === false || (isRecord(output) && "error" in output)) {
      this.fail(appError(isRecord(output) ? output : {}, msg?.["title"]));
      return;
    }
    if (!isRecord(output) || !Array.isArray(output["data"])) {
      if (msg === undefined) {
        this.fail({ message: "The server answered the call without output data.", code: "protocol_error" });
      } else if (final) {
        // Gradio completes an event cancelled while pending with `output: {}`.
        this.#finishCancelled();
      }
      return;
    }
    const data = output["data"] as unknown[];
    let values: unknown[];
    const streamed = noDiff || (this.#endpoint.dependency as { connection?: unknown }).connection === "stream";
    if (final || streamed || this.#values === null) {
      values = data;
    } else {
      try {
        const previous = this.#values;
        values = data.map((diff, i) => applyDiff(previous[i], diff));
      } catch (err) {
        this.fail({ message: `Could not apply a streamed update: ${errorText(err)}`, code: "protocol_error" });
        return;
      }
    }
    this.#values = values;
    const region = final && isRenderConfig(output["render_config"]) ? output["render_config"] : null;
    if (region) mergeRenderConfig(this.#config, region);
    if (final) {
      const changed = Array.isArray(output["changed_state_ids"]) ? output["changed_state_ids"].filter((id): id is number => typeof id === "number") : [];
      this.#emitData(values, region, changed);
      this.#finish("complete", { success: true });
    } else {
      this.#status("generating", {});
      this.#emitData(values);
    }
  }

  #emitData(values: unknown[], region: RenderConfig | null = null, changedStates: number[] = []): void {
    const message: DataMessage = {
      type: "data",
      data: this.#session.withNullState ? values.slice() : stripStateOutputs(this.#config, this.#endpoint.dependency, values),
      endpoint: this.#endpoint.endpoint,
      fn_index: this.#endpoint.fn_index,
      time: new Date(),
      event_data: this.#eventData,
    };
    if (region) message.render_config = region;
    if (changedStates.length > 0) message.changed_state_ids = changedStates;
    this.#channel.push(message);
  }

  #log(msg: Record<string, unknown>): void {
    const level = msg["level"];
    const message: LogMessage = {
      type: "log",
      log: typeof msg["log"] === "string" ? msg["log"] : String(msg["log"] ?? ""),
      level: level === "warning" || level === "success" || level === "error" ? level : "info",
      endpoint: this.#endpoint.endpoint,
      fn_index: this.#endpoint.fn_index,
      time: new Date(),
    };
    if (typeof msg["title"] === "string") message.title = msg["title"];
    if (typeof msg["duration"] === "number" || msg["duration"] === null) message.duration = msg["duration"] as number | null;
    if (typeof msg["visible"] === "boolean") message.visible = msg["visible"];
    this.#channel.push(message);
  }

  #status(stage: StatusMessage["stage"], fields: StatusFields): void {
    this.#channel.push({
      type: "status",
      stage,
      queue: this.queued,
      ...fields,
      endpoint: this.#endpoint.endpoint,
      fn_index: this.#endpoint.fn_index,
      time: new Date(),
    });
  }

  /** Ends the call with a final `error` status. */
  fail(failure: Failure): void {
    const fields: StatusFields = { message: failure.message, success: false };
    if (failure.title !== undefined) fields.title = failure.title;
    if (failure.duration !== undefined) fields.duration = failure.duration;
    if (failure.visible !== undefined) fields.visible = failure.visible;
    if (failure.code !== undefined) fields.code = failure.code;
    this.#finish("error", fields);
  }

  /** Ends the call with a final `cancelled` status. */
  #finishCancelled(): void {
    this.#finish("cancelled", { message: "Cancelled", success: false, code: "cancelled" });
  }

  #finish(stage: "complete" | "error" | "cancelled", fields: StatusFields): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#status(stage, fields);
    this.#channel.close();
    this.#signal?.removeEventListener("abort", this.#onAbort);
    this.#session.untrack(this);
  }

  /** Aborts this call's own requests and ends it with `failure` (used by `Client.close()`). */
  abort(failure: Failure): void {
    this.#requests.abort();
    this.fail(failure);
  }

  /**
   * Cancels the call (PROTOCOL.md §6.2): `/cancel` then `/reset` for a queued call once its
   * event id is known; a `/run` call's request is aborted. Whatever the server says, the job
   * has ended when this resolves.
   */
  cancel(): Promise<void> {
    if (this.#cancelling) return this.#cancelling;
    if (this.#ended) return Promise.resolve();
    if (this.#preparing) this.#requests.abort(); // stops the uploads; #send ends the call as cancelled
    this.#cancelling = (async () => {
      if (!this.queued) {
        this.#requests.abort();
        this.#finishCancelled();
        return;
      }
      const eventId = await this.#eventIdPromise;
      if (eventId !== null && !this.#ended) {
        const session = this.#session;
        await session
          .post("/cancel", { event_id: eventId, session_hash: session.session_hash, fn_index: this.#endpoint.fn_index })
          .then((res) => readBody(res))
          .catch(() => undefined);
        await session
          .post("/reset", { event_id: eventId })
          .then((res) => readBody(res))
          .catch(() => undefined);
      }
      this.#finishCancelled();
    })();
    return this.#cancelling;
  }
}

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
