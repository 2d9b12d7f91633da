/**
 * A tiny `node:http` server that speaks the `sse_v3` wire format of PROTOCOL.md by replaying
 * captured transcripts, for the client's transport tests. It keeps a per-session FIFO and
 * pending set the way gradio does (§3.2, §7.2): messages wait until the session's stream is
 * attached, and `close_stream` follows the delivery of a `process_completed` when nothing else
 * is pending.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export type Msg = Record<string, unknown>;

/** What the test wants done for one joined event. */
export type Script = (ctx: EventContext) => void | Promise<void>;

export interface EventContext {
  event_id: string;
  session_hash: string;
  body: Msg;
  /** Queues a message for this event (its `event_id` is filled in). */
  emit(msg: Msg): void;
  /** Resolves when the test calls `app.release(name)`. */
  waitFor(name: string): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface MockOptions {
  config: Msg;
  info?: Msg;
  /** Scripts by fn_index. */
  scripts?: Record<number, Script>;
  /** Answer for `queue/join` instead of enqueueing (e.g. 503, 422). */
  joinReply?: (body: Msg) => { status: number; body: unknown } | undefined;
  /** Called after the join reply is decided but before it is sent (to emit early messages). */
  beforeJoinReply?: (ctx: EventContext) => Promise<void> | void;
  /** Answer for `POST /run/{name}`. */
  run?: (name: string, body: Msg) => { status: number; body: unknown };
  /** What `/cancel` does; by default: a pending event is completed with `output: {}`. */
  onCancel?: (eventId: string, app: MockApp) => void;
  /** Write stream frames with CRLF line endings and a comment, in small pieces. */
  messyStream?: boolean;
  /** A prefix the app is mounted under (e.g. "/mounted"); stripped before routing. */
  mount?: string;
  /**
   * Serve Vitrine's live channel (WebSocket upgrades at `{PREFIX}/live/{session}`); recorded
   * in `requests` with method `"WS"`. Without it, upgrade requests are refused as by a plain
   * node:http server (the socket is closed).
   */
  liveChannel?: boolean;
  /**
   * What `POST {PREFIX}/upload` answers for the parsed multipart parts; by default each part is
   * stored (see `MockApp.files`) at `/tmp/mock/<n>/<filename>` and those paths are returned.
   */
  upload?: (parts: UploadedPart[], query: URLSearchParams) => { status: number; body: unknown; type?: string } | undefined;
}

/** One part of a multipart upload, as the mock parsed it (with undici's own parser). */
export interface UploadedPart {
  name: string;
  filename: string | null;
  type: string;
  bytes: Uint8Array;
}

interface SessionState {
  res: ServerResponse | null;
  buffer: Msg[];
  pending: Set<string>;
}

export interface MockApp {
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, SessionState>;
  /** Lets a script's `waitFor(name)` continue. */
  release(name: string): void;
  /** Queues a raw message for a session (e.g. an `unexpected_error` with `event_id: null`). */
  emitToSession(session: string, msg: Msg): void;
  /** Cuts every attached stream's connection (no close_stream). */
  dropStreams(mode: "destroy" | "end"): void;
  /** Count of requests to a path. */
  count(method: string, path: string): number;
  /** Files served at `GET {PREFIX}/file=<path>`: uploads land here; tests may add more. */
  files: Map<string, Uint8Array>;
  /** The open live channels (server side). */
  live: Set<WebSocket>;
  /** Ends every open heartbeat stream (`GET {PREFIX}/heartbeat/…`). */
  endHeartbeats(): void;
  close(): Promise<void>;
}

const PREFIX = "/gradio_api";

export async function startMockApp(options: MockOptions): Promise<MockApp> {
  const sessions = new Map<string, SessionState>();
  const requests: RecordedRequest[] = [];
  const gates = new Map<string, { released: boolean; waiters: (() => void)[] }>();
  let nextEvent = 1;
  const live = new Set<WebSocket>();
  const heartbeats = new Set<ServerResponse>();

  const gate = (name: string) => {
    let g = gates.get(name);
    if (!g) {
      g = { released: false, waiters: [] };
      gates.set(name, g);
    }
    return g;
  };

  const session = (hash: string): SessionState => {
    let s = sessions.get(hash);
    if (!s) {
      s = { res: null, buffer: [], pending: new Set() };
      sessions.set(hash, s);
    }
    return s;
  };

  const frame = (msg: Msg): string => {
    const line = `data: ${JSON.stringify(msg)}\n\n`;
    return options.messyStream ? `: comment\r\n${line.replace(/\n/g, "\r\n")}` : line;
  };

  const write = (res: ServerResponse, text: string): void => {
    if (!options.messyStream) {
      res.write(text);
      return;
    }
    // Split the bytes anywhere, including inside multi-byte characters.
    const bytes = Buffer.from(text, "utf8");
    for (let i = 0; i < bytes.length; i += 3) res.write(bytes.subarray(i, i + 3));
  };

  /** Writes buffered messages to the attached stream; closes it as gradio does. */
  const flush = (s: SessionState): void => {
    while (s.res && s.buffer.length > 0) {
      const msg = s.buffer.shift()!;
      write(s.res, frame(msg));
      if (msg["msg"] === "process_completed" && s.pending.size === 0) {
        write(s.res, frame({ msg: "close_stream", event_id: null }));
        s.res.end();
        s.res = null;
      }
    }
  };

  const queue = (hash: string, msg: Msg): void => {
    const s = session(hash);
    if (msg["msg"] === "process_completed" && typeof msg["event_id"] === "string") s.pending.delete(msg["event_id"]);
    s.buffer.push(msg);
    flush(s);
  };

  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };

  const readJson = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const type = req.headers["content-type"] ?? "";
    if (type.startsWith("multipart/form-data")) {
      const form = await new Response(Buffer.concat(chunks), { headers: { "content-type": type } }).formData();
      const parts: UploadedPart[] = [];
      for (const [name, value] of form.entries()) {
        if (typeof value === "string") parts.push({ name, filename: null, type: "", bytes: new TextEncoder().encode(value) });
        else parts.push({ name, filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
      }
      return parts;
    }
    const text = Buffer.concat(chunks).toString("utf8");
    return text === "" ? undefined : JSON.parse(text);
  };

  const app: MockApp = {
    url: "",
    requests,
    sessions,
    release(name) {
      const g = gate(name);
      g.released = true;
      for (const w of g.waiters.splice(0)) w();
    },
    emitToSession(hash, msg) {
      queue(hash, msg);
    },
    dropStreams(mode) {
      for (const s of sessions.values()) {
        if (!s.res) continue;
        if (mode === "destroy") s.res.socket?.destroy();
        else s.res.end();
        s.res = null;
      }
    },
    count(method, path) {
      return requests.filter((r) => r.method === method && r.path === path).length;
    },
    live,
    files: new Map(),
    endHeartbeats() {
      for (const res of heartbeats) res.end();
      heartbeats.clear();
    },
    close() {
      for (const s of sessions.values()) s.res?.socket?.destroy();
      for (const ws of live) ws.terminate();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      let path = url.pathname;
      if (options.mount) {
        if (!path.startsWith(options.mount)) return json(res, 404, { detail: "Not Found" });
        path = path.slice(options.mount.length) || "/";
      }
      const body = req.method === "POST" ? await readJson(req) : undefined;
      requests.push({ method: req.method ?? "", path, query: url.searchParams, headers: req.headers, body });

      if (req.method === "GET" && path === "/config") return json(res, 200, options.config);
      if (req.method === "GET" && path === `${PREFIX}/info`) {
        return json(res, 200, options.info ?? { named_endpoints: {}, unnamed_endpoints: {} });
      }
      if (req.method === "POST" && path === `${PREFIX}/queue/join`) {
        const b = body as Msg;
        const reply = options.joinReply?.(b);
        if (reply) return json(res, reply.status, reply.body);
        const hash = String(b["session_hash"]);
        const event_id = `e${nextEvent++}`;
        session(hash).pending.add(event_id);
        const ctx: EventContext = {
          event_id,
          session_hash: hash,
          body: b,
          emit: (msg) => queue(hash, { ...msg, event_id }),
          waitFor: (name) => {
            const g = gate(name);
            return g.released ? Promise.resolve() : new Promise((resolve) => g.waiters.push(resolve));
          },
        };
        await options.beforeJoinReply?.(ctx);
        json(res, 200, { event_id });
        const script = options.scripts?.[Number(b["fn_index"])];
        setImmediate(() => void script?.(ctx));
        return;
      }
      if (req.method === "GET" && path === `${PREFIX}/queue/data`) {
        const hash = url.searchParams.get("session_hash") ?? "";
        const s = sessions.get(hash);
        res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
        res.flushHeaders();
        if (!s) {
          write(res, frame({ msg: "unexpected_error", event_id: null, message: "404: Not Found", session_not_found: true, success: false }));
          res.end();
          return;
        }
        s.res = res;
        res.on("close", () => {
          if (s.res === res) s.res = null;
        });
        flush(s);
        return;
      }
      if (req.method === "GET" && path.startsWith(`${PREFIX}/heartbeat/`)) {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        res.write("data: ALIVE\n\n");
        heartbeats.add(res);
        res.on("close", () => heartbeats.delete(res));
        return; // left open until the client goes away
      }
      if (req.method === "POST" && path === `${PREFIX}/cancel`) {
        const eventId = String((body as Msg)["event_id"]);
        if (options.onCancel) options.onCancel(eventId, app);
        else {
          for (const [hash, s] of sessions) {
            if (s.pending.has(eventId)) queue(hash, { msg: "process_completed", event_id: eventId, output: {}, success: true });
          }
        }
        return json(res, 200, { success: true });
      }
      if (req.method === "POST" && path === `${PREFIX}/upload`) {
        const parts = body as UploadedPart[];
        const reply = options.upload?.(parts, url.searchParams);
        if (reply) {
          res.writeHead(reply.status, { "Content-Type": reply.type ?? "application/json" });
          return res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
        }
        const paths = parts
          .filter((p) => p.name === "files" && p.filename !== null)
          .map((p) => {
            const stored = `/tmp/mock/${app.files.size}/${p.filename}`;
            app.files.set(stored, p.bytes);
            return stored;
          });
        return json(res, 200, paths);
      }
      if (req.method === "GET" && path.startsWith(`${PREFIX}/file=`)) {
        const file = app.files.get(decodeURIComponent(path.slice(`${PREFIX}/file=`.length)));
        if (!file) return json(res, 403, { detail: "File not allowed: not issued by this server." });
        res.writeHead(200, { "Content-Type": "application/octet-stream" });
        return res.end(file);
      }
      if (req.method === "POST" && path === `${PREFIX}/reset`) return json(res, 200, { success: true });
      if (req.method === "POST" && path.startsWith(`${PREFIX}/run/`) && options.run) {
        const reply = options.run(decodeURIComponent(path.slice(`${PREFIX}/run/`.length)), body as Msg);
        return json(res, reply.status, reply.body);
      }
      return json(res, 404, { detail: "Not Found" });
    })().catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { detail: String(err) });
    });
  });

  if (options.liveChannel) {
    const wss = new WebSocketServer({ noServer: true });
    server.on("upgrade", (req, socket, head) => {
      const url = new URL(req.url ?? "/", "http://x");
      const path = options.mount && url.pathname.startsWith(options.mount) ? url.pathname.slice(options.mount.length) : url.pathname;
      if (!path.startsWith(`${PREFIX}/live/`)) return socket.destroy();
      requests.push({ method: "WS", path, query: url.searchParams, headers: req.headers, body: undefined });
      wss.handleUpgrade(req, socket, head, (ws) => {
        live.add(ws);
        ws.on("close", () => live.delete(ws));
      });
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  app.url = `http://127.0.0.1:${port}${options.mount ?? ""}`;
  return app;
}

/** Parses one captured `data: {…}` transcript line into its message. */
export function line(text: string): Msg {
  return JSON.parse(text.replace(/^data: /, "")) as Msg;
}
