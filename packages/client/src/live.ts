import { readEventStream } from "./sse.js";

/**
 * The part of the WHATWG `WebSocket` a live channel uses: the browser's, Node 22's global one
 * and the `ws` package's all have it.
 */
export interface WebSocketLike {
  /** Closes the channel. */
  close(code?: number, reason?: string): void;
  /** Sends a message (streamed chunks); every WebSocket has it, test doubles may not. */
  send?(data: string | ArrayBufferView | ArrayBuffer | Blob): void;
  /** 1 when open. */
  readonly readyState?: number;
  /** Listens to the socket's events. */
  addEventListener(type: "open" | "close" | "error" | "message", listener: (event: unknown) => void): void;
}

/**
 * A `WebSocket` class. The second argument is the subprotocols; when the client has extra
 * `headers`, it is `{ headers }` instead, which Node's WebSocket implementations accept (a
 * browser's throws, and the client then uses the heartbeat stream, which can send headers).
 */
export type WebSocketConstructor = new (url: string, protocolsOrOptions?: any) => WebSocketLike;

/** First delay before reconnecting, in ms; it doubles after each failed attempt. */
const FIRST_RETRY_MS = 500;
/** Longest delay between two attempts, in ms. */
const MAX_RETRY_MS = 30_000;

interface LiveOptions {
  /** `{root}{api_prefix}`. */
  base: string;
  sessionHash: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  /** null: no WebSocket, use the heartbeat stream only. */
  WebSocket: WebSocketConstructor | null;
}

/**
 * A session's presence on the server, kept until {@link Heartbeat.stop}: its live channel, a
 * WebSocket at `{api_prefix}/live/{session_hash}` (Vitrine), or where that cannot open (a
 * Gradio server, an app mounted without its live channel, no WebSocket in this runtime) the
 * heartbeat stream `GET {api_prefix}/heartbeat/{session_hash}`. A WebSocket holds none of the
 * browser's six HTTP/1.1 connections per host; the stream holds one. Either is reopened when
 * it drops, after a delay that doubles up to 30 s and starts again once one opens.
 */
export class Heartbeat {
  readonly #options: LiveOptions;
  #mode: "ws" | "sse";
  #socket: WebSocketLike | null = null;
  #stream: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #stopped = false;
  #open = false;
  readonly #listeners = new Set<(message: Record<string, unknown>) => void>();

  constructor(options: LiveOptions) {
    this.#options = options;
    this.#mode = options.WebSocket ? "ws" : "sse";
  }

  /** Which channel is open or being opened: `"ws"` (the live channel) or `"sse"` (the heartbeat stream). */
  get mode(): "ws" | "sse" {
    return this.#mode;
  }

  start(): void {
    if (!this.#stopped) this.#connect();
  }

  /**
   * Sends a message on the live channel; false when no WebSocket is open (the heartbeat stream
   * carries nothing from the client).
   */
  send(data: string | Uint8Array): boolean {
    const socket = this.#socket;
    if (!this.#open || !socket?.send || (socket.readyState !== undefined && socket.readyState !== 1)) return false;
    socket.send(data);
    return true;
  }

  /** Calls `listener` with each JSON message the server sends on the live channel; returns a function that stops it. */
  onMessage(listener: (message: Record<string, unknown>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Closes the channel for good. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const socket = this.#socket;
    this.#socket = null;
    try {
      socket?.close(1000);
    } catch {
      // already closed
    }
    this.#stream?.abort();
    this.#stream = null;
  }

  #connect(): void {
    if (this.#mode === "ws") this.#openSocket();
    else void this.#openStream();
  }

  /** Tries again later, waiting longer after each failure in a row. */
  #retry(): void {
    if (this.#stopped) return;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#failures) * (0.75 + Math.random() / 2);
    this.#failures = Math.min(this.#failures + 1, 16);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#stopped) this.#connect();
    }, delay);
  }

  #openSocket(): void {
    const { base, sessionHash, headers, WebSocket } = this.#options;
    const url = `${base.replace(/^http(s?):/i, "ws$1:")}/live/${encodeURIComponent(sessionHash)}`;
    let socket: WebSocketLike;
    try {
      socket = Object.keys(headers).length > 0 ? new WebSocket!(url, { headers }) : new WebSocket!(url);
    } catch {
      this.#mode = "sse";
      this.#connect();
      return;
    }
    this.#socket = socket;
    let opened = false;
    socket.addEventListener("open", () => {
      opened = true;
      if (this.#socket === socket) this.#open = true;
      this.#failures = 0;
    });
    socket.addEventListener("message", (event) => {
      const data = (event as { data?: unknown }).data;
      if (typeof data !== "string") return;
      let message: unknown;
      try {
        message = JSON.parse(data);
      } catch {
        return;
      }
      if (typeof message === "object" && message !== null) for (const l of this.#listeners) l(message as Record<string, unknown>);
    });
    socket.addEventListener("error", () => undefined); // "close" follows
    socket.addEventListener("close", () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#open = false;
      if (this.#stopped) return;
      if (opened) {
        this.#retry();
      } else {
        // No live channel here (or the server is down): try the heartbeat stream.
        this.#mode = "sse";
        this.#connect();
      }
    });
  }

  async #openStream(): Promise<void> {
    const { base, sessionHash, headers, fetch } = this.#options;
    const controller = new AbortController();
    this.#stream = controller;
    let opened = false;
    try {
      const res = await fetch(`${base}/heartbeat/${encodeURIComponent(sessionHash)}`, {
        headers: { ...headers, Accept: "text/event-stream" },
        signal: controller.signal,
      });
      if (res.ok && res.body) {
        opened = true;
        this.#failures = 0;
        await readEventStream(res.body, () => undefined);
      } else {
        await res.body?.cancel().catch(() => undefined);
      }
    } catch {
      // Dropped or refused: tried again below.
    }
    if (this.#stream !== controller || this.#stopped) return;
    this.#stream = null;
    // A server that refused both may have been down: next time, try the live channel first.
    if (!opened && this.#options.WebSocket) this.#mode = "ws";
    this.#retry();
  }
}
