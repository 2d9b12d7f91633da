/**
 * How long a client may take to send a request to a server started by `launch()`: its headers,
 * then its whole body (slowloris-style clients that dribble bytes would otherwise hold a
 * connection, and memory, for as long as they like). Past the limit the client gets a
 * `408 Request Timeout` with a message naming the option, and its connection is closed.
 *
 * Node's own `headersTimeout` / `requestTimeout` are set as well, as a backstop, but Node
 * checks them only every 30 s (`connectionsCheckingInterval`, fixed when the server is
 * created); the timers here cut a client off when its time is up. Responses are never timed:
 * a long event stream or a slow function is not a slow request.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";

/** The request time limits of a launched server (part of `ServeOptions`). */
export interface RequestTimeoutOptions {
  /**
   * Seconds a client has to send one whole request (headers and body); the headers alone must
   * arrive within the smaller of this and 60 s. Beyond, the client gets a `408` and its
   * connection is closed: an upload of a large file over a slow link must finish within it.
   * Applies to `launch()` (a host app passed to `mount()` sets its own server's timeouts).
   * Default 300 (Node's default, made explicit); `null` for no limit.
   */
  request_timeout?: number | null;
}

/** Longest time given to a request's headers, in ms. */
const MAX_HEADERS_MS = 60_000;

/** The limits of {@link RequestTimeoutOptions}, in ms (`Infinity` for none). */
export function requestTimeouts(options: RequestTimeoutOptions): { requestMs: number; headersMs: number } {
  const seconds = options.request_timeout === undefined ? 300 : options.request_timeout;
  if (seconds === null) return { requestMs: Infinity, headersMs: Infinity };
  if (typeof seconds !== "number" || !(seconds > 0)) {
    throw new Error(`request_timeout: give a number of seconds above 0, or null for no limit (got ${String(seconds)})`);
  }
  const requestMs = Math.ceil(seconds * 1000);
  return { requestMs, headersMs: Math.min(requestMs, MAX_HEADERS_MS) };
}

/**
 * Applies {@link RequestTimeoutOptions} to a server made by `http.createServer` (call it before
 * the server listens). Throws on a bad `request_timeout`.
 */
export function applyRequestTimeouts(server: Server, options: RequestTimeoutOptions): void {
  const { requestMs, headersMs } = requestTimeouts(options);
  if (requestMs === Infinity) {
    server.requestTimeout = 0;
    server.headersTimeout = 0;
    return;
  }
  server.requestTimeout = requestMs;
  server.headersTimeout = headersMs;
  /** Sockets on which a request (or an upgrade) has arrived. */
  const started = new WeakSet<Socket>();
  server.on("connection", (socket: Socket) => {
    const timer = setTimeout(() => {
      if (!started.has(socket)) cutOff(socket, `the request headers were not received within ${seconds(headersMs)}`);
    }, headersMs);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
  });
  observeUpgrades(server, (req) => started.add(req.socket));
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    started.add(req.socket);
    if (req.complete) return;
    const timer = setTimeout(() => {
      if (!req.complete && !res.headersSent) cutOff(req.socket, `the request was not received within ${seconds(requestMs)}`);
    }, requestMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    req.once("end", clear);
    req.once("close", clear);
    res.once("close", clear);
  });
}

/**
 * Calls `seen` for each upgrade request (a WebSocket) the server emits, without adding an
 * `upgrade` listener: a server's upgrade listeners decide who answers unknown upgrades (see
 * `attachUpgrades` in live.ts), so one more would change that. The server's own `emit` is
 * wrapped instead.
 */
function observeUpgrades(server: Server, seen: (req: IncomingMessage) => void): void {
  const emit = server.emit;
  server.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "upgrade") seen(args[0] as IncomingMessage);
    return (emit as (event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as Server["emit"];
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

/** Answers `408` on the raw socket (the request's handler may still be waiting for its body) and closes it. */
function cutOff(socket: Socket, why: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ detail: `Request timed out: ${why} (request_timeout). The connection is closed.` });
  socket.end(
    `HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  // A client that does not read its answer must not keep the socket either.
  setTimeout(() => socket.destroy(), 1000).unref();
}
