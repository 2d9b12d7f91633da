/**
 * Lean HTTP helpers for the hot routes (`/queue/join`, `/queue/data`), which skip express's
 * middleware stack: body-parser, the cors package, and `res.json()` (which hashes every
 * body for an ETag) cost several times the work of the event itself. The JSON body reader
 * serves every other JSON route too, so that all of them apply the same rules.
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

/** Whether a `Content-Type` is JSON: `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(type: string | undefined): boolean {
  return type !== undefined && /^\s*application\/json\s*(;|$)/i.test(type);
}

/**
 * Whether JSON text nests arrays and objects more than `maxDepth` levels deep, found by a scan
 * of its brackets outside strings (bytes: every structural character of JSON is ASCII, and no
 * byte of a multi-byte UTF-8 character is). It stops at the first level too many, so a
 * hostile body costs next to nothing; a well-formed one costs a pass over its bytes.
 */
export function jsonTooDeep(bytes: Uint8Array, maxDepth: number): boolean {
  if (bytes.length <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Bytes held for clients across all requests (request bodies being read or kept with their
 * events, messages waiting for a stream): {@link take} refuses what would go over the limit.
 */
export class ByteBudget {
  private held = 0;

  constructor(readonly limit: number) {}

  /** Bytes held now. */
  get used(): number {
    return this.held;
  }

  /** Holds `n` more bytes; false (holding nothing) when that would exceed the limit. */
  take(n: number): boolean {
    if (this.held + n > this.limit) return false;
    this.held += n;
    return true;
  }

  release(n: number): void {
    this.held = Math.max(0, this.held - n);
  }
}

/** What {@link readJsonBody} checks besides the size. */
export interface JsonBodyRules {
  /** Deepest nesting of arrays and objects accepted (default 64). */
  maxDepth?: number;
  /** Where the body's bytes are held while it is read; a 503 when it has no room left. */
  budget?: ByteBudget;
}

/** The byte length of the body {@link readJsonBody} read last for a request (0 when a host app's parser read it). */
const bodySizes = new WeakMap<IncomingMessage, number>();

/** Bytes of the JSON body read for `req` by {@link readJsonBody} (0 if none was read). */
export function bodySize(req: IncomingMessage): number {
  return bodySizes.get(req) ?? 0;
}

/** The default of {@link JsonBodyRules.maxDepth}. */
export const MAX_JSON_DEPTH = 64;

/**
 * Reads a JSON request body (at most `limit` bytes). Only `Content-Type: application/json` is
 * accepted (a 415 otherwise: a page of another origin can send `text/plain` without a CORS
 * preflight, never JSON). Resolves with `{}` for an empty body, and with the body a host
 * app's body parser already read when it did. Rejects with a 413 when too large, a 400 for
 * malformed JSON or JSON nested deeper than `rules.maxDepth` (checked before parsing), a 503
 * when `rules.budget` is exhausted.
 */
export function readJsonBody(req: IncomingMessage & { body?: unknown }, limit: number, rules: JsonBodyRules = {}): Promise<unknown> {
  if (!isJsonContentType(req.headers["content-type"])) {
    req.resume();
    return Promise.reject(new HttpError(415, "Unsupported content type: send the body as JSON with \"Content-Type: application/json\""));
  }
  if (req.body !== undefined) return Promise.resolve(req.body);
  const maxDepth = rules.maxDepth ?? MAX_JSON_DEPTH;
  const budget = rules.budget;
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, `Request body is too large (more than ${limit} bytes)`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (err: HttpError) => {
      failed = true;
      budget?.release(size);
      chunks.length = 0;
      req.resume();
      reject(err);
    };
    req.on("data", (chunk: Buffer) => {
      if (failed) return;
      if (size + chunk.length > limit) return fail(new HttpError(413, `Request body is too large (more than ${limit} bytes)`));
      if (budget && !budget.take(chunk.length)) {
        return fail(new HttpError(503, "The server is holding too much request data right now; try again later"));
      }
      size += chunk.length;
      chunks.push(chunk);
    });
    req.on("error", (err) => {
      if (!failed) fail(new HttpError(400, `Could not read the request body: ${err.message}`));
    });
    req.on("end", () => {
      if (failed) return;
      budget?.release(size);
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      bodySizes.set(req, size);
      if (jsonTooDeep(bytes, maxDepth)) {
        return reject(new HttpError(400, `JSON body is nested too deeply: more than ${maxDepth} levels of arrays and objects`));
      }
      const text = bytes.toString("utf8");
      if (text.trim() === "") return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch (err) {
        reject(new HttpError(400, `Malformed JSON body: ${(err as Error).message}`));
      }
    });
  });
}
