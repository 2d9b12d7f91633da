import type { ServerResponse } from "node:http";
import type { Job } from "@vitrine/queue";
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
}

/**
 * One client session (a page load or an API client): its undelivered messages, its
 * events not yet reported complete, and the SSE stream they go out on. Clients open
 * the stream after joining, so messages wait here until it connects.
 */
export class Session {
  /** Framed messages not delivered yet, and for each the event it completes (or null). */
  private readonly buffer: string[] = [];
  private readonly bufferCompletes: (string | null)[] = [];
  /** Events whose completion has not been delivered yet, with their queue jobs. */
  readonly events = new Map<string, SessionEvent>();
  private stream: ServerResponse | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    readonly hash: string,
    private readonly onEmpty: (session: Session) => void,
  ) {}

  /**
   * Sends a framed message now if the stream is open, else keeps it for when it connects.
   * `completes` names the event whose `process_completed` it is: once that is delivered and
   * nothing else is pending, the stream is closed.
   */
  send(text: string, completes: string | null = null): void {
    if (this.stream) {
      this.deliver(this.stream, text, completes);
    } else {
      this.buffer.push(text);
      this.bufferCompletes.push(completes);
    }
  }

  /** Attaches the session's SSE stream and flushes what was waiting (in one write). */
  attach(res: ServerResponse): void {
    if (this.stream) this.finish(this.stream);
    const waiting = this.buffer.splice(0);
    const completes = this.bufferCompletes.splice(0);
    openEventStream(res, waiting.length === 0);
    this.stream = res;
    res.on("close", () => {
      if (this.stream !== res) return;
      // The client went away before its events finished: abort them, as Gradio does.
      this.detach();
      cancelAll([...this.events.values()]);
      this.events.clear();
      this.buffer.length = 0;
      this.bufferCompletes.length = 0;
      this.onEmpty(this);
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
    this.events.delete(completes);
    if (this.events.size === 0) this.finish(res);
    if (!res.writableEnded) res.uncork();
  }

  /** Sends `close_stream` and ends the response: never end the stream without it. */
  private finish(res: ServerResponse): void {
    if (this.stream === res) this.detach();
    res.end(CLOSE_STREAM);
    if (this.events.size === 0 && this.buffer.length === 0) this.onEmpty(this);
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

  get(hash: string): Session | undefined {
    return this.sessions.get(hash);
  }

  /** The session with this hash, created on first use. */
  ensure(hash: string): Session {
    let session = this.sessions.get(hash);
    if (!session) {
      session = new Session(hash, (s) => {
        if (this.sessions.get(s.hash) === s) this.sessions.delete(s.hash);
      });
      this.sessions.set(hash, session);
    }
    return session;
  }

  closeAll(): void {
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}
