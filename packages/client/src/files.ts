import { FILE_DATA_TYPE, isFileData, type FileData } from "@vitrine/core";
import { errorText, httpFailure, readBody } from "./http.js";

/**
 * A local file for the client to read and upload when a call is made (Node only): what
 * {@link handle_file} returns for a path.
 */
export class FileCommand {
  /** Marks the object as a command for the client's upload step. */
  readonly type = "command";
  /** The command: upload the file before the call. */
  readonly command = "upload_file";
  /** The path as given. */
  readonly path: string;
  /** The name the file is uploaded under and sent as `orig_name` (the path's last segment). */
  readonly name: string;

  constructor(path: string) {
    this.path = path;
    this.name = basename(path);
  }
}

/** What {@link handle_file} accepts. `Buffer` is a `Uint8Array`. */
export type FileSource = string | Blob | Uint8Array | ArrayBuffer;

/**
 * Prepares a file input for {@link Client.predict} / {@link Client.submit}, as Gradio's
 * `handle_file` does:
 *
 * - an `http(s)://` URL becomes a FileData pointing at it (`{ path: url, url, orig_name }`),
 *   sent as is: the server fetches it, nothing is uploaded;
 * - a local path becomes a {@link FileCommand}: the file is read from disk and uploaded when the
 *   call is made (Node only; in a browser the call fails with a clear error);
 * - a `Blob` or `File` is returned as is, and a `Buffer`, `Uint8Array` or `ArrayBuffer` as a
 *   `Blob`: each is uploaded when the call is made.
 *
 * @example
 * await app.predict("/predict", [handle_file("./cat.png")]);
 * await app.predict("/predict", [handle_file("https://example.com/cat.png")]);
 * @throws TypeError for anything else.
 */
export function handle_file(source: FileSource): FileData | FileCommand | Blob {
  if (typeof source === "string") {
    if (/^https?:\/\//i.test(source)) {
      const last = source.split(/[?#]/)[0]!.split("/").pop();
      return { path: source, url: source, orig_name: last ? decodeURIComponentSafe(last) : "unknown", meta: { _type: FILE_DATA_TYPE } };
    }
    return new FileCommand(source);
  }
  if (isBlob(source)) return source;
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) return new Blob([source as Uint8Array<ArrayBuffer>]);
  throw new TypeError("handle_file() takes a URL, a local path (in Node), a Blob or File, or a Buffer / Uint8Array / ArrayBuffer.");
}

/** Options of {@link Client.upload}. */
export interface UploadOptions {
  /**
   * An id the server tracks this upload under (`?upload_id=`), so that another request can
   * follow it at `GET {api_prefix}/upload_progress?upload_id=…`.
   */
  upload_id?: string;
  /**
   * Called with the fraction of the bytes sent so far (0 to 1), then `1` when the server
   * answered. In a browser it comes from `XMLHttpRequest`'s upload events; in Node from the
   * request body as it is streamed out.
   */
  onProgress?: (fraction: number) => void;
  /** Aborts the upload. */
  signal?: AbortSignal;
}

/** One file to upload, in whatever form it was given. */
export type Uploadable = Blob | Uint8Array | ArrayBuffer | FileCommand;

/** Whether a value is something {@link uploadFiles} uploads (and the data walk replaces). */
export function isUploadable(value: unknown): value is Uploadable {
  return value instanceof FileCommand || isBlob(value) || value instanceof ArrayBuffer || isBytes(value);
}

/** What uploads need from the client. */
export interface UploadContext {
  /** `{root}{api_prefix}`. */
  base: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  /** Whether `fetch` is the platform's (XMLHttpRequest may then be used for progress). */
  platformFetch: boolean;
  /** The app's `max_file_size` in bytes, or null for no limit. */
  maxFileSize: number | null;
}

/** Parts per `POST /upload` request, as Gradio's JS client batches them. */
const BATCH = 1000;

/**
 * Uploads files (`POST {root}{api_prefix}/upload`, multipart parts named `files`, up to 1000
 * per request) and resolves with their FileData in order.
 *
 * @throws Error with the server's message when it refuses a file (e.g. 413 over
 *   `max_file_size`), or before sending anything when a file is over the app's `max_file_size`.
 */
export async function uploadFiles(ctx: UploadContext, files: readonly Uploadable[], options: UploadOptions = {}): Promise<FileData[]> {
  const parts = await Promise.all(files.map((f) => toPart(f)));
  if (ctx.maxFileSize !== null && ctx.maxFileSize !== undefined) {
    for (const part of parts) {
      if (part.blob.size > ctx.maxFileSize) {
        let size = formatBytes(part.blob.size);
        let max = formatBytes(ctx.maxFileSize);
        if (size === max) {
          // Rounded alike: give the exact counts.
          size = `${part.blob.size} bytes`;
          max = `${ctx.maxFileSize} bytes`;
        }
        throw new Error(`${part.label} is ${size}, over this app's max_file_size of ${max}: it was not uploaded.`);
      }
    }
  }
  const total = parts.reduce((n, p) => n + p.blob.size, 0);
  let doneBytes = 0;
  const out: FileData[] = [];
  for (let start = 0; start < parts.length; start += BATCH) {
    const batch = parts.slice(start, start + BATCH);
    const batchBytes = batch.reduce((n, p) => n + p.blob.size, 0);
    const form = new FormData();
    for (const p of batch) form.append("files", p.blob, p.filename);
    const query = options.upload_id ? `?upload_id=${encodeURIComponent(options.upload_id)}` : "";
    const url = `${ctx.base}/upload${query}`;
    const onProgress = options.onProgress;
    const report = onProgress
      ? (fraction: number) => onProgress(total === 0 ? 1 : Math.min(1, (doneBytes + fraction * batchBytes) / total))
      : undefined;
    const paths = await postForm(ctx, url, form, batchBytes, report, options.signal);
    if (paths.length !== batch.length) {
      throw new Error(`The server answered an upload of ${batch.length} file(s) with ${paths.length} path(s).`);
    }
    batch.forEach((p, i) => {
      const fd: FileData = { path: paths[i]!, orig_name: p.origName, meta: { _type: FILE_DATA_TYPE } };
      if (p.origName === null) delete fd.orig_name;
      out.push(fd);
    });
    doneBytes += batchBytes;
  }
  options.onProgress?.(1);
  return out;
}

interface Part {
  blob: Blob;
  /** The multipart filename. */
  filename: string;
  /** `orig_name` of the FileData, or null to leave it out. */
  origName: string | null;
  /** How errors name it. */
  label: string;
}

async function toPart(file: Uploadable): Promise<Part> {
  if (file instanceof FileCommand) {
    return { blob: await readLocalFile(file.path), filename: file.name, origName: file.name, label: `The file ${file.path}` };
  }
  if (isBlob(file)) {
    const name = (file as { name?: unknown }).name;
    if (typeof name === "string" && name !== "") return { blob: file, filename: name, origName: name, label: `The file ${name}` };
    return { blob: file, filename: "blob", origName: null, label: "A file" };
  }
  return { blob: new Blob([file as Uint8Array<ArrayBuffer>]), filename: "blob", origName: null, label: "A file" };
}

/** The part of `node:fs` used to read local files. */
interface NodeFs {
  openAsBlob?: (path: string) => Promise<Blob>;
  promises: { readFile(path: string): Promise<Uint8Array>; stat(path: string): Promise<{ isFile(): boolean }> };
}

/**
 * Reads a local file as a Blob (backed by the file, so it is streamed, where Node has
 * `fs.openAsBlob`). `node:fs` is imported dynamically, with a specifier bundlers leave alone,
 * so browser bundles never include it.
 */
async function readLocalFile(path: string): Promise<Blob> {
  const specifier = "node:fs";
  let fs: NodeFs;
  try {
    fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as NodeFs;
  } catch {
    throw new Error(`handle_file("${path}"): local paths can only be read in Node; in a browser pass a File or Blob.`);
  }
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) throw new Error("not a file");
    if (typeof fs.openAsBlob === "function") return await fs.openAsBlob(path);
    return new Blob([(await fs.promises.readFile(path)) as Uint8Array<ArrayBuffer>]);
  } catch (err) {
    throw new Error(`handle_file("${path}"): could not read the file: ${errorText(err)}`, { cause: err });
  }
}

/** Sends the form and returns the JSON array of paths. */
async function postForm(
  ctx: UploadContext,
  url: string,
  form: FormData,
  bytes: number,
  onProgress: ((fraction: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<string[]> {
  const xhr = (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
  let status: number;
  let statusText: string;
  let body: unknown;
  try {
    if (onProgress && xhr && ctx.platformFetch) {
      ({ status, statusText, body } = await xhrUpload(xhr, url, form, ctx.headers, onProgress, signal));
    } else {
      const init: RequestInit & { duplex?: "half" } = { method: "POST", headers: { ...ctx.headers }, body: form, signal };
      if (onProgress && isNode()) {
        // Stream the encoded form out, counting the bytes as fetch pulls them.
        const encoded = new Response(form);
        const type = encoded.headers.get("content-type");
        if (encoded.body && type) {
          init.body = countBytes(encoded.body, bytes, onProgress);
          init.headers = { ...ctx.headers, "content-type": type };
          init.duplex = "half";
        }
      }
      const res = await ctx.fetch(url, init);
      status = res.status;
      statusText = res.statusText;
      body = await readBody(res);
    }
  } catch (err) {
    if (signal?.aborted) throw new Error("The upload was cancelled.", { cause: err });
    throw new Error(`Could not upload to ${url}: ${errorText(err)}`, { cause: err });
  }
  if (status < 200 || status >= 300) {
    const failure = httpFailure({ status, statusText } as Response, body);
    throw new Error(`The upload was refused (HTTP ${status}): ${failure.message}`);
  }
  if (!Array.isArray(body) || !body.every((p) => typeof p === "string")) {
    throw new Error(`The server answered the upload with ${JSON.stringify(body)?.slice(0, 200)}, not a list of paths.`);
  }
  return body as string[];
}

/** A ReadableStream that reports how much of `total` bytes has been read from `source`. */
function countBytes(source: ReadableStream<Uint8Array>, total: number, onProgress: (fraction: number) => void): ReadableStream<Uint8Array> {
  let sent = 0;
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      sent += value.byteLength;
      // The form's boundaries and headers count too: never report 1 before the answer.
      onProgress(total === 0 ? 0 : Math.min(0.99, sent / total));
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  status: number;
  statusText: string;
  responseText: string;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/** A browser upload through XMLHttpRequest, whose upload events report progress (fetch has none). */
function xhrUpload(
  Xhr: new () => XhrLike,
  url: string,
  form: FormData,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
  signal: AbortSignal | undefined,
): Promise<{ status: number; statusText: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = new Xhr();
    req.open("POST", url);
    for (const [k, v] of Object.entries(headers)) req.setRequestHeader(k, v);
    req.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(0.99, e.loaded / e.total));
    };
    req.onload = () => {
      let body: unknown = req.responseText;
      try {
        body = req.responseText === "" ? undefined : (JSON.parse(req.responseText) as unknown);
      } catch {
        // keep the text
      }
      resolve({ status: req.status, statusText: req.statusText, body });
    };
    req.onerror = () => reject(new Error("network error"));
    req.onabort = () => reject(new Error("aborted"));
    signal?.addEventListener("abort", () => req.abort(), { once: true });
    req.send(form);
  });
}

/**
 * Replaces every uploadable value inside `data` (arrays and plain objects, recursively) by the
 * FileData of its upload, as Gradio's JS client does; FileData and other values are kept.
 * Returns `data` itself when there is nothing to upload.
 */
export async function uploadInData(
  data: unknown[],
  upload: (files: Uploadable[]) => Promise<FileData[]>,
): Promise<unknown[]> {
  const found = new Set<Uploadable>();
  collect(data, found, new Set());
  if (found.size === 0) return data;
  const files = [...found];
  const results = await upload(files);
  const byValue = new Map<Uploadable, FileData>();
  files.forEach((f, i) => byValue.set(f, results[i]!));
  return replace(data, byValue) as unknown[];
}

function collect(value: unknown, found: Set<Uploadable>, seen: Set<object>): void {
  if (typeof value !== "object" || value === null) return;
  if (isUploadable(value)) {
    found.add(value);
    return;
  }
  if (isFileData(value) || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) for (const v of value) collect(v, found, seen);
  else if (isPlainObject(value)) for (const v of Object.values(value)) collect(v, found, seen);
}

function replace(value: unknown, byValue: Map<Uploadable, FileData>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const file = byValue.get(value as Uploadable);
  if (file) return { ...file, meta: { ...file.meta } };
  if (isFileData(value)) return value;
  if (Array.isArray(value)) return value.map((v) => replace(v, byValue));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, byValue)]));
  return value;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

/** A `Uint8Array` (or Node `Buffer`), not another typed array (`Uint8ClampedArray` pixels stay data). */
function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function isNode(): boolean {
  return typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";
}

function basename(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `5 MB`, `12.3 KB`, `17 bytes` (units of 1024, as `max_file_size: "5mb"` counts). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = n;
  let unit = "bytes";
  for (const u of units) {
    if (value < 1024) break;
    value /= 1024;
    unit = u;
  }
  return `${Number(value.toFixed(1))} ${unit}`;
}

/**
 * The URL a FileData is loaded from: its `url`, else `{root}{api_prefix}/file={path}` (the path
 * not percent-encoded, as Gradio builds it), or the path itself when it is an http(s) URL.
 */
export function fileUrl(base: string, file: FileData): string {
  if (typeof file.url === "string" && file.url !== "") return file.url;
  if (/^https?:\/\//i.test(file.path)) return file.path;
  return `${base}/file=${file.path}`;
}
