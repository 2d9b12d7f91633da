import type { ServerResponse } from "node:http";
import type { Job } from "@vitrine/queue";
import type { ByteBudget } from "./http.js";
import { CLOSE_STREAM, HEARTBEAT } from "./protocol.js";
import { openEventStream } from "./sse.js";

/** How often an open `/queue/data` stream gets a heartbeat message (as Gradio: 15 s). */
export const HEARTBEAT_MS = 15_000;

/** An event of a session, until its completion has been delivered. */
export interface SessionEvent {
  /** The `fn_index` of its dependency. */
  fnIndex: number;
  /** Its queue job (null for the instant between joining and being queued). */
  job: Job | null;
  /** Bytes of its join body, held in the sessions' budget until the event is forgotten. */
  bytes?: number;
}

/** What a session may hold while its client does not read its stream. */
export interface SessionLimits {
  /**
   * Milliseconds a session with no open stream waits for one (from its creation, or from the
   * end of its last stream) before it is dropped: its events are cancelled and its messages
   * forgotten. `Infinity` never drops it.
   */
  streamTimeoutMs: number;
  /** Most bytes (characters of framed messages) kept for a session whose stream is not open; beyond, it is dropped. */
  maxUnreadBytes: number;
  /** Shared by all sessions: the bytes of their unread messages and of their events' join bodies. */
  budget: ByteBudget | null;
}

/** Gradio's behaviour: nothing expires, nothing is capped. */
const UNLIMITED: SessionLimits = { streamTimeoutMs: Infinity, maxUnreadBytes: Infinity, budget: null };

/**
 * One client session (a page load or an API client): its undelivered messages, its
 * events not yet reported complete, and the SSE stream they go out on. Clients open
 * the stream after joining, so messages wait here until it connects, within the
 * {@link SessionLimits}: a session whose stream is not opened in time, or whose unread
 * messages grow too large, is dropped.
 */
export class Session {
  /** Framed messages not delivered yet, and for each the event it completes (or null). */
  private readonly buffer: string[] = [];
  private readonly bufferCompletes: (string | null)[] = [];
  /** Events whose completion has not been delivered yet, with their queue jobs. */
  readonly events = new Map<string, SessionEvent>();
  private stream: ServerResponse | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** Size of `buffer`, held in the budget. */
  private unreadBytes = 0;
  /** Drops the session if no stream attaches in time. */
  private expiry: NodeJS.Timeout | null = null;
  private dropped = false;

  constructor(
    readonly hash: string,
    private readonly onEmpty: (session: Session) => void,
    private readonly limits: SessionLimits = UNLIMITED,
  ) {
    this.awaitStream();
  }

  /** Events of this session waiting in the queue (not started yet). */
  waitingCount(): number {
    let n = 0;
    for (const e of this.events.values()) if (e.job?.state === "waiting") n++;
    return n;
  }

  /** Forgets an event (its completion was delivered, or it was never queued), releasing its body's bytes. */
  forget(eventId: string): void {
    const event = this.events.get(eventId);
    if (!event) return;
    this.events.delete(eventId);
    if (event.bytes) this.limits.budget?.release(event.bytes);
  }

  /**
   * Sends a framed message now if the stream is open, else keeps it for when it connects.
   * `completes` names the event whose `process_completed` it is: once that is delivered and
   * nothing else is pending, the stream is closed.
   */
  send(text: string, completes: string | null = null): void {
    if (this.dropped) return;
    if (this.stream) {
      this.deliver(this.stream, text, completes);
      return;
    }
    const { budget, maxUnreadBytes } = this.limits;
    if (this.unreadBytes + text.length > maxUnreadBytes || (budget && !budget.take(text.length))) {
      // Nobody reads this session, and it grows: it goes, rather than the server's memory.
      this.drop();
      return;
    }
    this.unreadBytes += text.length;
    this.buffer.push(text);
    this.bufferCompletes.push(completes);
  }

  /** Whether a client is reading this session's stream now (a second reader is refused). */
  get streaming(): boolean {
    return this.stream !== null;
  }

  /** Attaches the session's SSE stream and flushes what was waiting (in one write). */
  attach(res: ServerResponse): void {
    if (this.stream) this.finish(this.stream);
    this.stopWaiting();
    const waiting = this.buffer.splice(0);
    const completes = this.bufferCompletes.splice(0);
    this.releaseUnread();
    openEventStream(res, waiting.length === 0);
    this.stream = res;
    res.on("close", () => {
      // The client went away before its events finished: abort them, as Gradio does.
      if (this.stream === res) this.drop();
    });
    res.cork();
    for (let i = 0; i < waiting.length; i++) {
      if (this.stream !== res) {
        this.buffer.push(waiting[i]!);
        this.bufferCompletes.push(completes[i]!);
        continue;
      }
      this.deliver(res, waiting[i]!, completes[i]!);
    }
    if (this.stream === res && this.events.size === 0) this.finish(res);
    if (res.writableEnded) return;
    res.uncork();
    this.heartbeat = setInterval(() => res.write(HEARTBEAT), HEARTBEAT_MS);
  }

  private deliver(res: ServerResponse, text: string, completes: string | null): void {
    if (completes === null) {
      res.write(text);
      return;
    }
    // A completion may end the stream: its close_stream goes out in the same packet.
    res.cork();
    res.write(text);
    this.forget(completes);
    if (this.events.size === 0) this.finish(res);
    if (!res.writableEnded) res.uncork();
  }

  /** Sends `close_stream` and ends the response: never end the stream without it. */
  private finish(res: ServerResponse): void {
    if (this.stream === res) this.detach();
    res.end(CLOSE_STREAM);
    if (this.events.size === 0 && this.buffer.length === 0) this.onEmpty(this);
    else if (!this.stream) this.awaitStream();
  }

  /** With no stream open: drops the session unless one attaches within the limit. */
  private awaitStream(): void {
    const ms = this.limits.streamTimeoutMs;
    if (this.expiry || !Number.isFinite(ms)) return;
    this.expiry = setTimeout(() => {
      this.expiry = null;
      if (!this.stream) this.drop();
    }, ms);
    this.expiry.unref();
  }

  private stopWaiting(): void {
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = null;
  }

  private releaseUnread(): void {
    this.limits.budget?.release(this.unreadBytes);
    this.unreadBytes = 0;
  }

  /**
   * Ends the session: its client went away, never opened its stream in time, or let too much
   * pile up unread. Its events are aborted (waiting ones leave the queue) and all it held is
   * released; later messages of its events are ignored.
   */
  private drop(): void {
    if (this.dropped) return;
    this.dropped = true;
    this.stopWaiting();
    const res = this.stream;
    this.detach();
    if (res && !res.writableEnded) res.end();
    cancelAll([...this.events.values()]);
    for (const id of [...this.events.keys()]) this.forget(id);
    this.buffer.length = 0;
    this.bufferCompletes.length = 0;
    this.releaseUnread();
    this.onEmpty(this);
  }

  private detach(): void {
    this.stream = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /**
   * Cancels this session's waiting and running events of the given functions (a
   * dependency's `cancels`): waiting ones leave the queue, running ones are aborted.
   */
  cancelFunctions(fnIndexes: ReadonlySet<number>): void {
    cancelAll([...this.events.values()].filter((e) => fnIndexes.has(e.fnIndex)));
  }

  /** Ends the stream and aborts every event (server shutdown). */
  close(): void {
    this.stopWaiting();
    cancelAll([...this.events.values()]);
    if (this.stream) {
      const res = this.stream;
      this.detach();
      res.end();
    }
  }
}

/**
 * Cancels events, the waiting ones first: cancelling a running one frees its slot, which
 * must not start one of the others.
 */
function cancelAll(events: SessionEvent[]): void {
  for (const e of events) if (e.job?.state === "waiting") e.job.cancel();
  for (const e of events) e.job?.cancel();
}

/** All live sessions of one app. */
export class SessionHub {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly limits: SessionLimits = UNLIMITED) {}

  /** Number of live sessions. */
  get size(): number {
    return this.sessions.size;
  }

  get(hash: string): Session | undefined {
    return this.sessions.get(hash);
  }

  /** The session with this hash, created on first use. */
  ensure(hash: string): Session {
    let session = this.sessions.get(hash);
    if (!session) {
      session = new Session(
        hash,
        (s) => {
          if (this.sessions.get(s.hash) === s) this.sessions.delete(s.hash);
        },
        this.limits,
      );
      this.sessions.set(hash, session);
    }
    return session;
  }

  closeAll(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}
