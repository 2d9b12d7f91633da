import type { Call } from "./call.js";
import { errorText, httpFailure, isRecord, readBody } from "./http.js";
import { Heartbeat, type WebSocketConstructor } from "./live.js";
import { readEventStream } from "./sse.js";

/** How many messages for not-yet-known event ids are kept (see {@link Session.register}). */
const MAX_EARLY_MESSAGES = 1000;

interface OpenStream {
  controller: AbortController;
  /** Whether this stream delivered at least one message to a known call. */
  delivered: boolean;
}

/**
 * The transport of one client session: its HTTP requests and its one shared
 * `GET {api_prefix}/queue/data?session_hash=…` event stream, whose messages are routed to the
 * calls by `event_id` (PROTOCOL.md §3.2).
 */
export class Session {
  readonly session_hash: string;
  /** Keep State outputs in returned data (`ClientOptions.with_null_state`). */
  withNullState = false;
  /** `queue/join` requests in flight. */
  joining = 0;
  /** Query string sent with each event (`?a=1`, or ""). */
  query = "";
  readonly #base: string;
  readonly #headers: Record<string, string>;
  readonly #fetch: typeof fetch;
  #stream: OpenStream | null = null;
  #heartbeat: Heartbeat | null = null;
  /** Calls waiting for stream messages, by event id. */
  readonly #calls = new Map<string, Call>();
  /** Every call that has not ended. */
  readonly #active = new Set<Call>();
  /** Messages that arrived before their call learnt its event id from `queue/join`. */
  readonly #early = new Map<string, Record<string, unknown>[]>();
  #earlyCount = 0;
  /** Streams in a row that closed while calls waited, without delivering them anything. */
  #idleReopens = 0;
  #closed = false;

  /** `base` is `{root}{api_prefix}`. */
  constructor(base: string, session_hash: string, headers: Record<string, string>, fetchImpl: typeof fetch) {
    this.#base = base;
    this.session_hash = session_hash;
    this.#headers = headers;
    this.#fetch = fetchImpl;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** `POST {root}{api_prefix}{path}` with a JSON body. */
  post(path: string, body: unknown, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<Response> {
    return this.#fetch(this.#base + path, {
      method: "POST",
      headers: { ...this.#headers, ...headers, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  }

  track(call: Call): void {
    this.#active.add(call);
  }

  /** Forgets an ended call. */
  untrack(call: Call): void {
    this.#active.delete(call);
    if (call.eventId !== null && this.#calls.get(call.eventId) === call) this.#calls.delete(call.eventId);
  }

  /**
   * Routes the messages for `eventId` to `call` from now on: first those that arrived before the
   * join answered (a shared stream can carry them before that), then the stream's. Opens the
   * stream if none is open.
   */
  register(eventId: string, call: Call): void {
    this.#calls.set(eventId, call);
    const early = this.#early.get(eventId);
    if (early) {
      this.#early.delete(eventId);
      this.#earlyCount -= early.length;
      for (const msg of early) call.handle(msg);
    }
    if (!call.ended && this.#stream === null && !this.#closed) this.#openStream();
  }

  #openStream(): void {
    const stream: OpenStream = { controller: new AbortController(), delivered: false };
    this.#stream = stream;
    void this.#readStream(stream);
  }

  async #readStream(stream: OpenStream): Promise<void> {
    let closedByServer = false;
    let failure: string | null = null;
    try {
      const res = await this.#fetch(`${this.#base}/queue/data?session_hash=${encodeURIComponent(this.session_hash)}`, {
        headers: { ...this.#headers, Accept: "text/event-stream" },
        signal: stream.controller.signal,
      });
      if (!res.ok || res.body === null) {
        failure = `the event stream could not be opened: ${httpFailure(res, await readBody(res)).message}`;
      } else {
        await readEventStream(res.body, (text) => {
          if (this.#stream !== stream) return false;
          let msg: unknown;
          try {
            msg = JSON.parse(text);
          } catch {
            return; // not a protocol message
          }
          if (!isRecord(msg)) return;
          if (msg["msg"] === "close_stream") {
            closedByServer = true;
            return false;
          }
          this.#route(stream, msg);
        });
      }
    } catch (err) {
      if (stream.controller.signal.aborted) return; // closed by this client
      failure = errorText(err);
    }
    if (this.#stream !== stream) return;
    this.#stream = null;
    if (closedByServer) {
      const waiting = [...this.#calls.values()];
      if (waiting.length === 0) {
        if (this.joining === 0) this.#clearEarly();
        this.#idleReopens = 0;
        return;
      }
      // A call joined after the server decided to close: its messages wait on the server.
      this.#idleReopens = stream.delivered ? 0 : this.#idleReopens + 1;
      if (this.#idleReopens <= 2) {
        this.#openStream();
        return;
      }
      failure = "the server closed the event stream while calls were still waiting";
    }
    const message = `Lost the connection to the server: ${failure ?? "the event stream ended without close_stream"}.`;
    for (const call of [...this.#calls.values()]) call.fail({ message, code: "connection_lost" });
    this.#idleReopens = 0;
    if (this.joining === 0) this.#clearEarly();
  }

  #route(stream: OpenStream, msg: Record<string, unknown>): void {
    const eventId = msg["event_id"];
    if (typeof eventId !== "string") {
      // Session-wide messages: heartbeat (ignored), and unexpected_error for every waiting call.
      if (msg["msg"] === "unexpected_error") {
        for (const call of [...this.#calls.values()]) call.handle(msg);
      }
      return;
    }
    const call = this.#calls.get(eventId);
    if (call) {
      stream.delivered = true;
      call.handle(msg);
      return;
    }
    // Not known yet (its join has not answered), or a late message for an ended call.
    let list = this.#early.get(eventId);
    if (!list) {
      list = [];
      this.#early.set(eventId, list);
    }
    list.push(msg);
    this.#earlyCount++;
    while (this.#earlyCount > MAX_EARLY_MESSAGES) {
      const [oldest, messages] = this.#early.entries().next().value as [string, Record<string, unknown>[]];
      this.#early.delete(oldest);
      this.#earlyCount -= messages.length;
    }
  }

  #clearEarly(): void {
    this.#early.clear();
    this.#earlyCount = 0;
  }

  /**
   * Keeps the session's live channel open until {@link close}: a WebSocket when `WebSocket` is
   * given and the server has one, else the heartbeat stream (see {@link Heartbeat}).
   */
  startHeartbeat(WebSocket: WebSocketConstructor | null): void {
    if (this.#heartbeat || this.#closed) return;
    this.#heartbeat = new Heartbeat({
      base: this.#base,
      sessionHash: this.session_hash,
      headers: this.#headers,
      fetch: this.#fetch,
      WebSocket,
    });
    this.#heartbeat.start();
  }

  /** The open live channel's sender and listeners, or null when the session keeps none. */
  get live(): Heartbeat | null {
    return this.#heartbeat;
  }

  /** Aborts the streams and every call's requests, and ends every call that has not ended. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const stream = this.#stream;
    this.#stream = null;
    stream?.controller.abort();
    this.#heartbeat?.stop();
    for (const call of [...this.#active]) call.abort({ message: "The client was closed.", code: "closed" });
    this.#calls.clear();
    this.#clearEarly();
  }
}
