import type { Response } from "express";
import type { Job } from "@vitrine/queue";
import { messages, type QueueMessage } from "./protocol.js";
import { openEventStream, writeEvent } from "./sse.js";

/** How often an open `/queue/data` stream gets a heartbeat message (as Gradio: 15 s). */
export const HEARTBEAT_MS = 15_000;

/**
 * One client session (a page load or an API client): its undelivered messages, its
 * events not yet reported complete, and the SSE stream they go out on. Clients open
 * the stream after joining, so messages wait here until it connects.
 */
export class Session {
  private readonly buffer: QueueMessage[] = [];
  /** Events whose completion has not been delivered yet, with their queue jobs. */
  readonly events = new Map<string, Job | null>();
  private stream: Response | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    readonly hash: string,
    private readonly onEmpty: (session: Session) => void,
  ) {}

  /** Sends a message now if the stream is open, else keeps it for when it connects. */
  send(message: QueueMessage): void {
    if (this.stream) this.deliver(this.stream, message);
    else this.buffer.push(message);
  }

  /** Attaches the session's SSE stream and flushes what was waiting. */
  attach(res: Response): void {
    if (this.stream) this.finish(this.stream);
    openEventStream(res);
    this.stream = res;
    res.on("close", () => {
      if (this.stream !== res) return;
      // The client went away before its events finished: abort them, as Gradio does.
      this.detach();
      for (const job of this.events.values()) job?.cancel();
      this.events.clear();
      this.buffer.length = 0;
      this.onEmpty(this);
    });
    this.heartbeat = setInterval(() => writeEvent(res, messages.heartbeat()), HEARTBEAT_MS);
    const waiting = this.buffer.splice(0);
    for (const message of waiting) {
      if (this.stream !== res) {
        this.buffer.push(message);
        continue;
      }
      this.deliver(res, message);
    }
    if (this.stream === res && this.events.size === 0) this.finish(res);
  }

  private deliver(res: Response, message: QueueMessage): void {
    writeEvent(res, message);
    if (message.msg === "process_completed" && message.event_id) {
      this.events.delete(message.event_id);
      if (this.events.size === 0) this.finish(res);
    }
  }

  /** Sends `close_stream` and ends the response: never end the stream without it. */
  private finish(res: Response): void {
    writeEvent(res, messages.closeStream());
    if (this.stream === res) this.detach();
    res.end();
    if (this.events.size === 0 && this.buffer.length === 0) this.onEmpty(this);
  }

  private detach(): void {
    this.stream = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Ends the stream and aborts every event (server shutdown). */
  close(): void {
    for (const job of this.events.values()) job?.cancel();
    if (this.stream) {
      const res = this.stream;
      this.detach();
      res.end();
    }
  }
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
