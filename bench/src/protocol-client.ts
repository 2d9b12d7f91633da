/**
 * A lean sse_v3 client for load generation: one session and one keep-alive connection per
 * simulated user (http1.ts), join then read the session's stream on that connection,
 * checking the framing and the message order as strictly as Gradio's Python client does.
 */
import { setMaxListeners } from "node:events";
import { Connection } from "./http1.js";

/** A server under test. */
export interface Target {
  host: string;
  port: number;
  /** Aborts every request in flight (the scenario's deadline). */
  signal: AbortSignal;
}

export function makeTarget(port: number, signal: AbortSignal, host = "127.0.0.1"): Target {
  setMaxListeners(0, signal); // every open connection listens to it
  return { host, port, signal };
}

/** A simulated user: a session hash and a connection. */
export interface User {
  hash: string;
  connection: Connection;
}

export function makeUser(target: Target): User {
  return { hash: sessionHash(), connection: new Connection(target.host, target.port, target.signal) };
}

/** A random session hash, like the JS client's. */
export function sessionHash(): string {
  return Math.random().toString(36).slice(2, 13).padEnd(11, "0");
}

/** GETs a JSON document. */
export async function getJson(target: Target, path: string): Promise<unknown> {
  const connection = new Connection(target.host, target.port, target.signal);
  try {
    const res = await connection.request("GET", path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
    return JSON.parse(res.body) as unknown;
  } finally {
    connection.close();
  }
}

/** The `fn_index` of each named endpoint, read from `/config` as the official clients do. */
export async function endpoints(target: Target): Promise<Map<string, number>> {
  const config = (await getJson(target, "/config")) as {
    protocol?: string;
    api_prefix?: string;
    dependencies?: { id: number; api_name: string | null }[];
  };
  if (config.protocol !== "sse_v3") throw new Error(`/config: protocol is ${String(config.protocol)}, not sse_v3`);
  if (config.api_prefix !== "/gradio_api") throw new Error(`/config: api_prefix is ${String(config.api_prefix)}`);
  await getJson(target, "/gradio_api/info");
  const map = new Map<string, number>();
  for (const dep of config.dependencies ?? []) if (dep.api_name) map.set(dep.api_name, dep.id);
  return map;
}

/** What one event looked like from the client: times are `performance.now()` milliseconds. */
export interface EventResult {
  /** Why the event failed (protocol, HTTP or content error), or null. */
  error: string | null;
  /** When the join was sent. */
  start: number;
  /** When the first `process_generating` arrived. */
  firstOutput: number | null;
  /** When `process_completed` arrived. */
  completed: number | null;
  /** Number of `process_generating` messages. */
  generating: number;
  /** The streamed value rebuilt from the first full value and the diffs after it. */
  streamed: string;
  /** `output.data[0]` of `process_completed`. */
  final: unknown;
}

interface Message {
  msg?: string;
  event_id?: string | null;
  success?: boolean;
  output?: { data?: unknown[] };
}

/**
 * Runs one event: joins `fnIndex` with `[input]` in the user's session, opens the session's
 * stream and reads it to its end. Never throws: failures are in `error`.
 */
export function runEvent(user: User, fnIndex: number, input: string): Promise<EventResult> {
  return runQueuedEvent(user, fnIndex, [input], (eventId, result) => new StreamReader(eventId, result));
}

/**
 * Joins `fnIndex` with `data` in the user's session, then reads the session's stream to its end
 * with the reader `makeReader` gives. Never throws: failures are in `error`.
 */
export async function runQueuedEvent(user: User, fnIndex: number, data: unknown[], makeReader: (eventId: string, result: EventResult) => StreamReader): Promise<EventResult> {
  const result: EventResult = { error: null, start: performance.now(), firstOutput: null, completed: null, generating: 0, streamed: "", final: undefined };
  const { connection, hash } = user;
  try {
    const body = JSON.stringify({ data, event_data: null, fn_index: fnIndex, trigger_id: null, session_hash: hash });
    const joined = await connection.request("POST", "/gradio_api/queue/join", body);
    if (joined.status !== 200) throw new Error(`join: HTTP ${joined.status} ${joined.body.slice(0, 200)}`);
    const eventId = (JSON.parse(joined.body) as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") throw new Error(`join: no event_id in ${joined.body.slice(0, 200)}`);
    const reader = makeReader(eventId, result);
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

/** What a reader takes from a message's output data: the value, or why the data is wrong. */
export type OutputValue = { value: unknown } | { error: string };

/**
 * Parses a session stream, checking framing and order, filling `result`: the output streamed is
 * rebuilt from the first full value and the diffs after it. The value is the output data's first
 * item; a subclass reads endpoints whose data holds more (see chat-client.ts).
 */
export class StreamReader {
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

  /** The streamed value of a `process_generating` (`first`: the first one, a full value; later ones, diff lists). */
  protected generatingValue(data: unknown[] | undefined, _first: boolean): OutputValue {
    return { value: data?.[0] };
  }

  /** The final value of the `process_completed`. */
  protected completedValue(data: unknown[] | undefined): OutputValue {
    return { value: data?.[0] };
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
        const out = this.generatingValue(m.output?.data, result.generating === 0);
        if ("error" in out) return this.fail(out.error);
        const value = out.value;
        if (result.generating === 0) {
          if (typeof value !== "string") return this.fail("first process_generating is not a full string value");
          result.firstOutput = now;
          result.streamed = value;
        } else {
          if (!Array.isArray(value)) return this.fail("a later process_generating is not a diff list");
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
        const out = this.completedValue(m.output?.data);
        if ("error" in out) return this.fail(out.error);
        result.completed = now;
        result.final = out.value;
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
