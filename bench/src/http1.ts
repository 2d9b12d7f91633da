/**
 * A minimal HTTP/1.1 client over one persistent `net.Socket`: one request at a time, bodies
 * by `Content-Length` or chunked encoding, streamed to a callback as they arrive. It is the
 * load generator's transport because node:http's client costs more CPU per request than
 * the servers under test do, and the load generator shares the machine's cores with them.
 */
import { connect, type Socket } from "node:net";
import { StringDecoder } from "node:string_decoder";

export interface Response {
  status: number;
  headers: Map<string, string>;
  /** The body, unless it was streamed to `onBody`. */
  body: string;
}

interface Pending {
  resolve(res: Response): void;
  reject(err: Error): void;
  onBody: ((text: string) => void) | null;
  /** Whether any byte of the response arrived (a reused socket closed before that is retried). */
  started: boolean;
  retry: () => void;
}

const CRLF2 = Buffer.from("\r\n\r\n");
const CRLF = Buffer.from("\r\n");

/** One keep-alive connection to `host:port`, reopened when the server closes it. */
export class Connection {
  private socket: Socket | null = null;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private state: "head" | "length" | "chunk-size" | "chunk-data" | "chunk-end" | "trailer" = "head";
  private remaining = 0;
  private response: Response | null = null;
  private decoder = new StringDecoder("utf8");
  private reused = false;
  private closeAfter = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Sends a request and resolves with the response once it is complete. With `onBody`, the
   * body is handed over, decoded, as it arrives, and `body` is empty.
   */
  request(method: string, path: string, body?: string, onBody?: (text: string) => void): Promise<Response> {
    if (this.pending) return Promise.reject(new Error("one request at a time"));
    if (this.signal.aborted) return Promise.reject(abortError());
    return new Promise<Response>((resolve, reject) => {
      let retried = false;
      const send = (): void => {
        const socket = this.open();
        this.reused = socket.bytesWritten > 0;
        let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nx-gradio-user: api\r\n`;
        if (body !== undefined) head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
        socket.write(`${head}\r\n${body ?? ""}`);
      };
      this.pending = {
        resolve,
        reject,
        onBody: onBody ?? null,
        started: false,
        retry: () => {
          // The server closed an idle keep-alive connection as we reused it: try a fresh one once.
          if (retried) return reject(new Error("connection closed before the response"));
          retried = true;
          send();
        },
      };
      this.state = "head";
      this.response = null;
      send();
    });
  }

  /** Closes the connection. */
  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private open(): Socket {
    if (this.socket && !this.socket.destroyed) return this.socket;
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    const onAbort = () => socket.destroy(abortError());
    this.signal.addEventListener("abort", onAbort, { once: true });
    socket.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      try {
        this.parse();
      } catch (err) {
        this.fail(err as Error);
      }
    });
    socket.on("error", (err) => this.fail(err));
    socket.on("close", () => {
      this.signal.removeEventListener("abort", onAbort);
      // An old socket closing after a new one took its place is not the new request's end.
      if (this.socket !== null && this.socket !== socket) return;
      this.socket = null;
      const p = this.pending;
      if (!p) return;
      if (!p.started && this.reused && !this.signal.aborted) return p.retry();
      this.fail(this.signal.aborted ? abortError() : new Error("connection closed before the response ended"));
    });
    return socket;
  }

  private fail(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.socket?.destroy();
    this.socket = null;
    p?.reject(err);
  }

  private emitBody(bytes: Buffer): void {
    const text = this.decoder.write(bytes);
    if (!text) return;
    if (this.pending!.onBody) this.pending!.onBody(text);
    else this.response!.body += text;
  }

  private done(): void {
    const p = this.pending!;
    const res = this.response!;
    const rest = this.decoder.end();
    if (rest) {
      if (p.onBody) p.onBody(rest);
      else res.body += rest;
    }
    this.pending = null;
    this.response = null;
    this.state = "head";
    if (this.closeAfter) this.close();
    p.resolve(res);
  }

  private parse(): void {
    while (this.pending) {
      const buf = this.buffer;
      if (buf.length === 0) return;
      this.pending.started = true;
      switch (this.state) {
        case "head": {
          const end = buf.indexOf(CRLF2);
          if (end < 0) return;
          const lines = buf.toString("latin1", 0, end).split("\r\n");
          const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!);
          if (!status) throw new Error(`bad status line ${JSON.stringify(lines[0])}`);
          const headers = new Map<string, string>();
          for (const line of lines.slice(1)) {
            const colon = line.indexOf(":");
            headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
          }
          this.buffer = buf.subarray(end + 4);
          this.response = { status: Number(status[1]), headers, body: "" };
          this.decoder = new StringDecoder("utf8");
          this.closeAfter = headers.get("connection")?.toLowerCase() === "close";
          if (headers.get("transfer-encoding")?.toLowerCase().includes("chunked")) {
            this.state = "chunk-size";
          } else {
            this.remaining = Number(headers.get("content-length") ?? 0);
            this.state = "length";
            if (this.remaining === 0) this.done();
          }
          break;
        }
        case "length": {
          const n = Math.min(this.remaining, buf.length);
          this.emitBody(buf.subarray(0, n));
          this.buffer = buf.subarray(n);
          this.remaining -= n;
          if (this.remaining === 0) this.done();
          break;
        }
        case "chunk-size": {
          const end = buf.indexOf(CRLF);
          if (end < 0) return;
          this.remaining = parseInt(buf.toString("latin1", 0, end), 16);
          if (!Number.isFinite(this.remaining)) throw new Error("bad chunk size");
          this.buffer = buf.subarray(end + 2);
          this.state = this.remaining === 0 ? "trailer" : "chunk-data";
          break;
        }
        case "chunk-data": {
          const n = Math.min(this.remaining, buf.length);
          this.emitBody(buf.subarray(0, n));
          this.buffer = buf.subarray(n);
          this.remaining -= n;
          if (this.remaining === 0) this.state = "chunk-end";
          break;
        }
        case "chunk-end": {
          if (buf.length < 2) return;
          this.buffer = buf.subarray(2);
          this.state = "chunk-size";
          break;
        }
        case "trailer": {
          // No trailers expected: the last chunk is followed by an empty line.
          const end = buf.indexOf(CRLF);
          if (end < 0) return;
          this.buffer = buf.subarray(end + 2);
          if (end === 0) this.done();
          break;
        }
      }
    }
  }
}

function abortError(): Error {
  const err = new Error("aborted at the deadline");
  err.name = "AbortError";
  return err;
}
