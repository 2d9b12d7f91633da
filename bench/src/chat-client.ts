/**
 * The load generator's client for a ChatInterface's `/chat` endpoint: the same session, join
 * and stream as `runEvent` (protocol-client.ts), with the endpoint's data `[message, <history
 * State>]` (a client sends `null` in the State slot) and outputs `[reply, <history State>]`.
 *
 * The stream is checked as strictly as for `/stream`: framing, message order, event ids,
 * `close_stream` after the completion; the reply is rebuilt from the first full value and the
 * `append` diffs after it, and the State slot must stay off the wire (`null` in full values,
 * an empty diff list in diffs), as Gradio sends it.
 */
import type { User } from "./protocol-client.js";
import type { EventResult } from "./protocol-client.js";

interface Message {
  msg?: string;
  event_id?: string | null;
  success?: boolean;
  output?: { data?: unknown[] };
}

/**
 * Runs one `/chat` call: joins `fnIndex` with `[message, null]` in the user's session, reads
 * the session's stream to its end. Never throws: failures are in `error`.
 */
export async function runChatEvent(user: User, fnIndex: number, message: string): Promise<EventResult> {
  const result: EventResult = { error: null, start: performance.now(), firstOutput: null, completed: null, generating: 0, streamed: "", final: undefined };
  const { connection, hash } = user;
  try {
    const body = JSON.stringify({ data: [message, null], event_data: null, fn_index: fnIndex, trigger_id: null, session_hash: hash });
    const joined = await connection.request("POST", "/gradio_api/queue/join", body);
    if (joined.status !== 200) throw new Error(`join: HTTP ${joined.status} ${joined.body.slice(0, 200)}`);
    const eventId = (JSON.parse(joined.body) as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") throw new Error(`join: no event_id in ${joined.body.slice(0, 200)}`);
    const reader = new ChatStreamReader(eventId, result);
    const res = await connection.request("GET", `/gradio_api/queue/data?session_hash=${hash}`, undefined, (text) => reader.push(text));
    if (res.status !== 200) throw new Error(`queue/data: HTTP ${res.status}`);
    if (!res.headers.get("content-type")?.startsWith("text/event-stream")) throw new Error(`queue/data: content-type ${res.headers.get("content-type")}`);
    reader.end();
  } catch (err) {
    result.error ??= err instanceof Error ? err.message : String(err);
  }
  if (result.error) user.connection.close();
  return result;
}

/** Parses a session stream of `/chat` messages, checking framing and order, filling `result`. */
export class ChatStreamReader {
  private pending = "";
  private started = false;
  private closed = false;

  constructor(
    private readonly eventId: string,
    private readonly result: EventResult,
  ) {}

  push(text: string): void {
    this.pending += text;
    let cut: number;
    while ((cut = this.pending.indexOf("\n\n")) >= 0) {
      const block = this.pending.slice(0, cut);
      this.pending = this.pending.slice(cut + 2);
      if (!this.result.error) this.handle(block);
    }
  }

  end(): void {
    if (this.pending.length > 0) this.fail(`stream ended inside a message: ${JSON.stringify(this.pending.slice(0, 80))}`);
    if (!this.closed) this.fail("stream ended without close_stream");
  }

  private fail(reason: string): void {
    this.result.error ??= reason;
  }

  private handle(block: string): void {
    const result = this.result;
    if (!block.startsWith("data: ") || block.includes("\n") || block.includes("\r")) {
      return this.fail(`framing: block ${JSON.stringify(block.slice(0, 80))} is not one "data: " line`);
    }
    if (this.closed) return this.fail("a message arrived after close_stream");
    const m = JSON.parse(block.slice(6)) as Message;
    const now = performance.now();
    switch (m.msg) {
      case "estimation":
        if (this.started) return this.fail("estimation after process_starts");
        break;
      case "process_starts":
        this.started = true;
        break;
      case "process_generating": {
        if (!this.started || result.completed !== null) return this.fail("process_generating out of order");
        const data = m.output?.data;
        if (!Array.isArray(data) || data.length !== 2) return this.fail(`process_generating data is not [reply, state]: ${JSON.stringify(data).slice(0, 80)}`);
        const [value, state] = data;
        if (result.generating === 0) {
          if (typeof value !== "string") return this.fail("first process_generating is not a full string reply");
          if (state !== null) return this.fail(`the history State is on the wire: ${JSON.stringify(state).slice(0, 80)}`);
          result.firstOutput = now;
          result.streamed = value;
        } else {
          if (!Array.isArray(value)) return this.fail("a later process_generating is not a diff list");
          if (!Array.isArray(state) || state.length !== 0) return this.fail(`the history State's diff is not empty: ${JSON.stringify(state).slice(0, 80)}`);
          for (const edit of value as unknown[][]) {
            const [action, path, v] = edit;
            if (!Array.isArray(path) || path.length !== 0) return this.fail(`diff with a path: ${JSON.stringify(edit)}`);
            if (action === "append" && typeof v === "string") result.streamed += v;
            else if (action === "replace" && typeof v === "string") result.streamed = v;
            else return this.fail(`unexpected diff ${JSON.stringify(edit).slice(0, 80)}`);
          }
        }
        result.generating++;
        break;
      }
      case "process_completed": {
        if (!this.started || result.completed !== null) return this.fail("process_completed out of order");
        if (m.success !== true) return this.fail(`process_completed with success ${String(m.success)}`);
        const data = m.output?.data;
        if (!Array.isArray(data) || data.length !== 2 || data[1] !== null) return this.fail(`process_completed data is not [reply, null]: ${JSON.stringify(data).slice(0, 80)}`);
        result.completed = now;
        result.final = data[0];
        break;
      }
      case "close_stream":
        if (result.completed === null) return this.fail("close_stream before process_completed");
        this.closed = true;
        return;
      case "heartbeat":
        return;
      default:
        return this.fail(`unexpected message ${block.slice(0, 120)}`);
    }
    if (m.event_id !== this.eventId) this.fail(`message for event ${String(m.event_id)}, expected ${this.eventId}`);
  }
}
