/**
 * The baseline: a bare `node:http` server (no framework, no dependency) speaking the subset of
 * Gradio's `sse_v3` protocol (PROTOCOL.md) that the benchmark uses, for two functions:
 *
 * - fn 0, `/echo`: returns its input;
 * - fn 1, `/stream`: a generator yielding `tokens` tokens at `rate` tokens/s, sent as one full
 *   value, then `append` diffs, then the full final text.
 *
 * It is what "the least a Node server can do for this protocol" costs: per-session message
 * buffers, strict `data: {json}\n\n` framing, `close_stream` when a session has nothing
 * pending. It is complete enough for the official clients (`/config`, `/info`, join, data,
 * heartbeat, cancel, reset).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { sleepUntil, tokenText, tokensFor, type StreamSpec } from "./tokens.js";

const PREFIX = "/gradio_api";
const MAX_BODY = 1 << 20;

const CONFIG = {
  version: "6.25.0",
  protocol: "sse_v3",
  api_prefix: PREFIX,
  mode: "blocks",
  title: "bench baseline",
  enable_queue: true,
  connect_heartbeat: false,
  app_id: 1,
  space_id: null,
  components: [
    { id: 1, type: "textbox", props: { label: "input", name: "textbox" }, skip_api: false },
    { id: 2, type: "textbox", props: { label: "output", name: "textbox" }, skip_api: false },
  ],
  dependencies: [0, 1].map((id) => ({
    id,
    targets: [[1, id === 0 ? "submit" : "change"]],
    inputs: [1],
    outputs: [2],
    backend_fn: true,
    js: null,
    queue: true,
    api_name: id === 0 ? "echo" : "stream",
    api_visibility: "public",
    types: { generator: id === 1, cancel: false },
    connection: "sse",
    concurrency_limit: null,
  })),
};

const textParam = {
  label: "input",
  parameter_name: "input",
  parameter_has_default: false,
  parameter_default: null,
  type: { type: "string" },
  python_type: { type: "str", description: "" },
  component: "Textbox",
  example_input: "Hello!!",
};
const textReturn = {
  label: "output",
  type: { type: "string" },
  python_type: { type: "str", description: "" },
  component: "Textbox",
};
const INFO = {
  named_endpoints: {
    "/echo": { parameters: [textParam], returns: [textReturn], api_visibility: "public", description: "" },
    "/stream": { parameters: [textParam], returns: [textReturn], api_visibility: "public", description: "" },
  },
  unnamed_endpoints: {},
};
const CONFIG_JSON = JSON.stringify(CONFIG);
const INFO_JSON = JSON.stringify(INFO);
const CLOSE_STREAM = frame({ msg: "close_stream", event_id: null });
const HEARTBEAT = frame({ msg: "heartbeat", event_id: null });
const SESSION_NOT_FOUND = frame({
  msg: "unexpected_error",
  event_id: null,
  message: "404: Not Found",
  session_not_found: true,
  success: false,
});

/** One SSE message, framed exactly as the Python client demands. */
function frame(message: unknown): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

function output(data: unknown[], generating: boolean, duration: number) {
  return {
    data,
    is_generating: generating,
    duration,
    average_duration: duration,
    render_config: null,
    changed_state_ids: [],
    used_cache: null,
  };
}

/** A framed message; `completes` names the event whose `process_completed` it is. */
interface Frame {
  text: string;
  completes: string | null;
}

/** A session: undelivered frames, events whose completion is not delivered, the open stream. */
interface Session {
  hash: string;
  buffer: Frame[];
  pending: Map<string, AbortController>;
  stream: ServerResponse | null;
  heartbeat: NodeJS.Timeout | null;
}

/** The baseline server (not listening yet). */
export function createBaselineServer(spec: StreamSpec): Server {
  const sessions = new Map<string, Session>();
  const interval = 1000 / spec.rate;

  /** Queues or writes one frame; `completes` names the event a `process_completed` ends. */
  function send(session: Session, text: string, completes: string | null = null): void {
    if (session.stream) deliver(session, session.stream, text, completes);
    else session.buffer.push({ text, completes });
  }

  function deliver(session: Session, res: ServerResponse, text: string, completes: string | null): void {
    res.write(text);
    if (completes !== null) {
      session.pending.delete(completes);
      if (session.pending.size === 0) finish(session, res);
    }
  }

  /** `close_stream`, then the end of the response; forgets the session when nothing is left. */
  function finish(session: Session, res: ServerResponse): void {
    res.end(CLOSE_STREAM);
    if (session.stream === res) detach(session);
    if (session.pending.size === 0 && session.buffer.length === 0 && sessions.get(session.hash) === session) {
      sessions.delete(session.hash);
    }
  }

  function detach(session: Session): void {
    session.stream = null;
    if (session.heartbeat) clearInterval(session.heartbeat);
    session.heartbeat = null;
  }

  function attach(session: Session, res: ServerResponse): void {
    if (session.stream) finish(session, session.stream);
    // Waiting messages carry the headers in their packet; else the client gets them now.
    openStream(res, session.buffer.length === 0);
    session.stream = res;
    session.heartbeat = setInterval(() => res.write(HEARTBEAT), 15_000);
    res.on("close", () => {
      if (session.stream !== res) return;
      // The client left before its events finished: abort them and drop the session.
      detach(session);
      for (const controller of session.pending.values()) controller.abort();
      session.pending.clear();
      session.buffer.length = 0;
      if (sessions.get(session.hash) === session) sessions.delete(session.hash);
    });
    const waiting = session.buffer.splice(0);
    for (const { text, completes } of waiting) {
      if (session.stream !== res) break;
      deliver(session, res, text, completes);
    }
    if (session.stream === res && session.pending.size === 0) finish(session, res);
  }

  function join(res: ServerResponse, body: string): void {
    let parsed: { data?: unknown; fn_index?: unknown; session_hash?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return json(res, 400, { detail: "Malformed JSON body" });
    }
    if (typeof parsed !== "object" || parsed === null || !Array.isArray(parsed.data)) {
      return json(res, 422, { detail: [{ msg: "\"data\" must be an array" }] });
    }
    const hash = parsed.session_hash;
    if (typeof hash !== "string" || hash.length === 0) return json(res, 400, { detail: "Session hash not found." });
    const fn = parsed.fn_index;
    if (fn !== 0 && fn !== 1) return json(res, 404, { detail: `Unknown fn_index ${String(fn)}` });
    const input = typeof parsed.data[0] === "string" ? parsed.data[0] : "";

    let session = sessions.get(hash);
    if (!session) {
      session = { hash, buffer: [], pending: new Map(), stream: null, heartbeat: null };
      sessions.set(hash, session);
    }
    const eventId = randomUUID().replaceAll("-", "");
    const controller = new AbortController();
    session.pending.set(eventId, controller);
    send(session, frame({ msg: "estimation", event_id: eventId, rank: 0, queue_size: 1, rank_eta: null }));
    send(session, frame({ msg: "process_starts", event_id: eventId, eta: null }));
    json(res, 200, { event_id: eventId });
    if (fn === 0) {
      complete(session, eventId, [input], performance.now());
    } else {
      void stream(session, eventId, tokensFor(input, spec), controller.signal);
    }
  }

  function complete(session: Session, eventId: string, data: unknown[], started: number): void {
    const duration = (performance.now() - started) / 1000;
    send(
      session,
      frame({
        msg: "process_completed",
        event_id: eventId,
        output: output(data, false, duration),
        success: true,
        title: null,
        used_cache: null,
        cache_duration: duration,
        avg_time: duration,
      }),
      eventId,
    );
  }

  async function stream(session: Session, eventId: string, tokens: number, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    let text = "";
    for (let i = 0; i < tokens; i++) {
      await sleepUntil(started + (i + 1) * interval, signal);
      if (signal.aborted) return;
      const token = tokenText(i);
      text += token;
      const data = i === 0 ? [text] : [[["append", [], token]]];
      send(
        session,
        frame({ msg: "process_generating", event_id: eventId, output: output(data, true, 0), success: true, time_limit: null }),
      );
    }
    complete(session, eventId, [text], started);
  }

  function data(url: URL, res: ServerResponse): void {
    const session = sessions.get(url.searchParams.get("session_hash") ?? "");
    if (!session) {
      openStream(res, false);
      res.end(SESSION_NOT_FOUND);
      return;
    }
    attach(session, res);
  }

  function cancel(res: ServerResponse, body: string): void {
    try {
      const { event_id, session_hash } = JSON.parse(body) as { event_id?: unknown; session_hash?: unknown };
      const session = typeof session_hash === "string" ? sessions.get(session_hash) : undefined;
      if (session && typeof event_id === "string" && session.pending.has(event_id)) {
        session.pending.get(event_id)!.abort();
        send(
          session,
          frame({
            msg: "process_completed",
            event_id,
            output: {},
            success: true,
            title: null,
            used_cache: null,
            cache_duration: null,
            avg_time: null,
          }),
          event_id,
        );
      }
    } catch {
      /* answers success anyway, as Gradio does */
    }
    json(res, 200, { success: true });
  }

  function heartbeat(res: ServerResponse): void {
    openStream(res);
    res.write("data: ALIVE\n\n");
    const timer = setInterval(() => res.write("data: ALIVE\n\n"), 15_000);
    res.on("close", () => clearInterval(timer));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname.replace(/\/$/, "") || "/";
    if (req.method === "GET") {
      if (path === "/config") return raw(res, 200, CONFIG_JSON);
      if (path === `${PREFIX}/info`) return raw(res, 200, INFO_JSON);
      if (path === `${PREFIX}/queue/data`) return data(url, res);
      if (path.startsWith(`${PREFIX}/heartbeat/`)) return heartbeat(res);
      return json(res, 404, { detail: "Not Found" });
    }
    if (req.method === "POST") {
      const route =
        path === `${PREFIX}/queue/join` ? join : path === `${PREFIX}/cancel` ? cancel : path === `${PREFIX}/reset` ? reset : null;
      if (!route) return json(res, 404, { detail: "Not Found" });
      readBody(req, res, (body) => route(res, body));
      return;
    }
    json(res, 405, { detail: "Method Not Allowed" });
  });
  server.on("close", () => {
    for (const session of sessions.values()) {
      for (const controller of session.pending.values()) controller.abort();
      if (session.stream) {
        const res = session.stream;
        detach(session);
        res.end();
      }
    }
    sessions.clear();
  });
  return server;
}

function reset(res: ServerResponse): void {
  json(res, 200, { success: true });
}

function openStream(res: ServerResponse, flush = true): void {
  res.writeHead(200, {
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
    Connection: "keep-alive",
  });
  if (flush) res.flushHeaders();
}

function readBody(req: IncomingMessage, res: ServerResponse, then: (body: string) => void): void {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => {
    body += chunk;
    if (body.length > MAX_BODY) {
      json(res, 413, { detail: "Request body is too large" });
      req.destroy();
    }
  });
  req.on("end", () => {
    if (!res.headersSent) then(body);
  });
}

function raw(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  raw(res, status, JSON.stringify(body));
}
