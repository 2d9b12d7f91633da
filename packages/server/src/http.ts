/**
 * Lean HTTP helpers for the hot routes (`/queue/join`, `/queue/data`), which skip express's
 * middleware stack: body-parser, the cors package, and `res.json()` (which hashes every
 * body for an ETag) cost several times the work of the event itself.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** An HTTP error with the status and `detail` message to answer with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** CORS as the `cors` package does with `{ origin: true, credentials: true }`: the request's origin is reflected. */
export function allowOrigin(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader("Vary", "Origin");
  if (origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
  }
}

/** Answers with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Bytes in a size like `10mb`, `512kb` or `1024` (a number is bytes). */
export function parseSize(size: string | number): number {
  if (typeof size === "number") return size;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(size);
  if (!match) throw new Error(`Invalid size: ${size}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? "b").toLowerCase() as "b"];
  return Math.floor(Number(match[1]) * unit);
}

/**
 * Reads a JSON request body (at most `limit` bytes). Resolves with `undefined` when the
 * content type is not JSON, `{}` for an empty body, and with the body a host app's body
 * parser already read when it did. Rejects with a 400 for malformed JSON, a 413 when too large.
 */
export function readJsonBody(req: IncomingMessage & { body?: unknown }, limit: number): Promise<unknown> {
  if (req.body !== undefined) return Promise.resolve(req.body);
  const type = req.headers["content-type"];
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, "Request body is too large"));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new HttpError(413, "Request body is too large"));
      } else {
        chunks.push(chunk);
      }
    });
    req.on("error", (err) => {
      if (failed) return;
      failed = true;
      reject(new HttpError(400, `Could not read the request body: ${err.message}`));
    });
    req.on("end", () => {
      if (failed) return;
      if (!type || !/json/i.test(type)) return resolve(undefined);
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString("utf8");
      if (text.trim() === "") return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch (err) {
        reject(new HttpError(400, `Malformed JSON body: ${(err as Error).message}`));
      }
    });
  });
}
