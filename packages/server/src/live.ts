/**
 * The page's live channel: one WebSocket per page at `{API_PREFIX}/live/{session_hash}`, open
 * for the page's whole life. Unlike a long-lived HTTP response (the heartbeat SSE stream), it
 * does not take one of the browser's six HTTP/1.1 connections per host, so any number of tabs
 * of an app can be open at once. It tells the server that the session's page is open, and
 * carries the chunks of streaming inputs (webcam frames, microphone chunks: see stream-inputs.ts).
 */
import type { IncomingMessage, Server } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { API_PREFIX } from "@vitrine/core";

/** Where a page opens its live channel, below the app's path: `{LIVE_PATH}{session_hash}`. */
export const LIVE_PATH = `${API_PREFIX}/live/`;
/** Most messages of one channel waiting to be handled; more are refused. */
export const LIVE_MAX_WAITING = 16;
/** How often open channels are pinged; one that has not answered the previous ping is dropped. */
export const LIVE_PING_MS = 15_000;

/** Why an upgrade request may not open a channel: the HTTP status and message it is answered with. */
export interface LiveRefusal {
  status: number;
  message: string;
}

/** What the live channels report (a session's page opened or closed one), and who may open one. */
export interface LivePresence {
  opened(sessionHash: string): void;
  closed(sessionHash: string): void;
  /**
   * Whether this upgrade request may open a channel (by default any): true, false (a `403`), or
   * a {@link LiveRefusal} with its own status and message (a `429` for a client holding too
   * many channels open).
   */
  admits?(req: IncomingMessage): boolean | LiveRefusal;
  /**
   * Called as the channel of an admitted request opens; what it returns is called when that
   * channel closes (to count each client's open channels).
   */
  hold?(req: IncomingMessage): () => void;
  /**
   * Takes a message the page sent on its channel and resolves with a text reply to send back,
   * or null. A channel's messages are handled one after the other, in order. Without it,
   * messages are ignored.
   */
  message?(sessionHash: string, data: Uint8Array, isBinary: boolean): Promise<string | null>;
  /** Largest message taken, in bytes (default 64 KiB); a larger one closes the channel (code 1009). */
  maxMessageBytes?: number;
}

/** The live channels of one app. */
export class LiveChannels {
  private readonly wss: WebSocketServer;
  /** Open sockets, and whether each answered the last ping. */
  private readonly sockets = new Map<WebSocket, { alive: boolean }>();
  private pinger: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly presence: LivePresence,
    private readonly pingMs = LIVE_PING_MS,
  ) {
    const maxPayload = presence.maxMessageBytes ?? 64 * 1024;
    this.wss = new WebSocketServer({ noServer: true, clientTracking: false, perMessageDeflate: false, maxPayload });
  }

  /**
   * Takes an HTTP upgrade request whose URL (relative to the app) is `{LIVE_PATH}{session_hash}`
   * and returns true; returns false, leaving the socket alone, for any other URL.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (!path.startsWith(LIVE_PATH)) return false;
    let hash: string;
    try {
      hash = decodeURIComponent(path.slice(LIVE_PATH.length));
    } catch {
      hash = "";
    }
    if (this.closed || hash === "" || hash.length > 256 || hash.includes("/")) {
      rejectUpgrade(socket, this.closed ? 503 : 400);
      return true;
    }
    const admitted = this.presence.admits ? this.presence.admits(req) : true;
    if (admitted !== true) {
      if (admitted === false) rejectUpgrade(socket, 403);
      else rejectUpgrade(socket, admitted.status, admitted.message);
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, hash, req));
    return true;
  }

  private accept(ws: WebSocket, hash: string, req: IncomingMessage): void {
    if (this.closed) {
      ws.terminate();
      return;
    }
    const release = this.presence.hold?.(req);
    const entry = { alive: true };
    this.sockets.set(ws, entry);
    ws.on("pong", () => {
      entry.alive = true;
    });
    ws.on("error", () => undefined); // a broken socket closes; nothing else to do
    const handle = this.presence.message;
    if (handle) {
      // One message at a time, in order: a chunk is saved before the next one is looked at.
      let last: Promise<unknown> = Promise.resolve();
      let waiting = 0;
      ws.on("message", (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (waiting >= LIVE_MAX_WAITING) {
          ws.send(JSON.stringify({ type: "stream_error", event_id: null, message: "Too many messages waiting on this channel; this one was dropped" }));
          return;
        }
        waiting++;
        const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
        last = last
          .then(() => handle.call(this.presence, hash, bytes, isBinary))
          .then((reply) => {
            if (reply !== null && ws.readyState === ws.OPEN) ws.send(reply);
          })
          .catch((err: unknown) => console.error("[vitrine] a live channel message failed:", err))
          .finally(() => waiting--);
      });
    }
    ws.on("close", () => {
      release?.();
      this.sockets.delete(ws);
      if (this.sockets.size === 0) this.stopPinging();
      this.presence.closed(hash);
    });
    this.presence.opened(hash);
    this.pinger ??= setInterval(() => this.ping(), this.pingMs);
  }

  /** Drops the sockets that did not answer the last ping, and pings the others. */
  private ping(): void {
    for (const [ws, entry] of this.sockets) {
      if (!entry.alive) {
        ws.terminate();
        continue;
      }
      entry.alive = false;
      ws.ping();
    }
  }

  private stopPinging(): void {
    if (this.pinger) clearInterval(this.pinger);
    this.pinger = null;
  }

  /** Number of open channels. */
  get size(): number {
    return this.sockets.size;
  }

  /** Closes every channel (code 1001, going away) and refuses new ones. */
  close(): void {
    this.closed = true;
    this.stopPinging();
    for (const ws of this.sockets.keys()) {
      ws.close(1001, "The server is shutting down");
      // Don't wait for the client's answer: the socket must not keep the server open.
      ws.terminate();
    }
  }
}

/**
 * Answers an upgrade request with an HTTP error and closes its socket; a `message` goes in the
 * body as `{"detail": message}` (what the API's other errors send).
 */
export function rejectUpgrade(socket: Duplex, status: number, message?: string): void {
  const reason = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 503: "Service Unavailable" }[status] ?? "Error";
  const body = message === undefined ? "" : JSON.stringify({ detail: message });
  const type = message === undefined ? "" : "Content-Type: application/json\r\n";
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // Ended, then destroyed once written (destroying at once could drop the answer).
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Anything that takes upgrade requests relative to its own path (an `AppService`). */
export interface UpgradeHandler {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

interface Attached {
  /** `""` for the root, else `/path` with no trailing slash. */
  prefix: string;
  handler: UpgradeHandler;
}

const attachedByServer = new WeakMap<Server | HttpsServer, Attached[]>();

/**
 * Routes a server's WebSocket upgrade requests under `path` to `handler` (with `req.url` made
 * relative to `path`). One `upgrade` listener per server serves every handler attached to it,
 * the longest path first. A request no handler takes is answered 404 when that listener is
 * the server's only one; otherwise it is left to the server's other `upgrade` listeners.
 * Returns a function that detaches the handler.
 */
export function attachUpgrades(server: Server | HttpsServer, path: string, handler: UpgradeHandler): () => void {
  const clean = path.replace(/^\/+|\/+$/g, "");
  const entry: Attached = { prefix: clean === "" ? "" : `/${clean}`, handler };
  let list = attachedByServer.get(server);
  if (!list) {
    const entries: Attached[] = [];
    list = entries;
    attachedByServer.set(server, entries);
    server.on("upgrade", function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const url = req.url ?? "/";
      for (const { prefix, handler: h } of entries) {
        if (prefix !== "" && url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`)) continue;
        req.url = url.slice(prefix.length) || "/";
        if (h.handleUpgrade(req, socket, head)) return;
        req.url = url;
      }
      if (server.listeners("upgrade").length === 1) rejectUpgrade(socket, 404);
    });
  }
  list.push(entry);
  list.sort((a, b) => b.prefix.length - a.prefix.length);
  return () => {
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
  };
}
