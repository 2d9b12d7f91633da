/**
 * The per-app file cache: where uploads, fetched URLs and files that functions return are
 * kept, content-addressed (`<root>/<sha256 of the content>/<name>`, so identical content shares
 * a folder), and the rules of which paths may be served or taken in.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, realpathSync, rmSync } from "node:fs";
import { mkdir, readFile, readdir, realpath, rename, rm, stat, unlink, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import mime from "mime-types";
import { API_PREFIX, fileData, type FileData, type FileStore, type SaveOptions } from "@vitrine/core";
import { parseSize } from "../http.js";
import { insideAny, isInside, pathProblem, sanitizeName } from "./paths.js";
import { FetchRefused, safeFetch, type AddressCheck } from "./ssrf.js";
import { fetchUrlInputs } from "./url-inputs.js";
import type { CallRequest } from "../join.js";

/** File settings of an app (part of `ServeOptions`). */
export interface FileOptions {
  /**
   * Largest file accepted, by upload or by URL: bytes or a size string ("5mb"). Enforced while
   * the bytes arrive (a 413 for an upload). Also sent in the config (`max_file_size`, bytes)
   * so that clients check before uploading. Default none.
   */
  max_file_size?: string | number | null;
  /**
   * Files or folders (besides the cache) that may be served at `file=` and passed in as inputs,
   * as Gradio's `allowed_paths`. Symlinks are resolved: what counts is where a file really is.
   */
  allowed_paths?: string[];
  /** Files or folders never served nor taken in, even inside `allowed_paths`, the working directory or the temp dir. */
  blocked_paths?: string[];
  /**
   * `[frequency, age]` in seconds: every `frequency` seconds, cached files older than `age`
   * are deleted (as Gradio's `delete_cache`). Default none: files stay until the server closes.
   */
  delete_cache?: [number, number] | null;
  /**
   * Which addresses the fetcher of URL inputs may reach. Default: public addresses only (no
   * loopback, private, link-local, multicast or unspecified ones). For tests.
   */
  url_address_check?: AddressCheck;
}

/** A request the file code refuses, with its HTTP status and a message for the client. */
export class FileRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Folder under the cache root where files are written before they get their content address. */
const PARTIAL = ".partial";

/** The real path of `path`, or its resolved path when it does not exist (yet). */
function realOrResolved(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync.native(abs);
  } catch {
    return abs;
  }
}

/** The cache of one app. Its folder is made on first use and removed by {@link close}. */
export class FileCache {
  /** The cache folder (real path). */
  readonly root: string;
  /** Largest file taken in, in bytes (null: no limit). */
  readonly maxFileSize: number | null;
  private readonly allowed: string[];
  private readonly blocked: string[];
  private readonly addressCheck: AddressCheck | undefined;
  private made: Promise<void> | null = null;
  private sweeper: ReturnType<typeof setInterval> | null = null;

  /**
   * `shared`: the folder is named after `appId` alone, so that every server process of one app
   * (on a shared queue) uses the same one; it is then kept at close (the others still serve it).
   */
  constructor(options: FileOptions = {}, appId?: string | number, private readonly shared = false) {
    const base = process.env.VITRINE_TEMP_DIR || join(tmpdir(), "vitrine");
    const id = shared ? `shared-${appId}` : `${appId ?? "app"}-${randomBytes(4).toString("hex")}`;
    this.root = join(realOrResolved(base), id);
    const max = options.max_file_size;
    this.maxFileSize = max === undefined || max === null ? null : parseSize(max);
    this.allowed = (options.allowed_paths ?? []).map(realOrResolved);
    this.blocked = (options.blocked_paths ?? []).map(realOrResolved);
    this.addressCheck = options.url_address_check;
    const sweep = options.delete_cache;
    if (sweep) {
      const [frequency, age] = sweep;
      this.sweeper = setInterval(() => void this.deleteOlderThan(age * 1000).catch(() => undefined), Math.max(1, frequency) * 1000);
      this.sweeper.unref();
    }
  }

  private ensureRoot(): Promise<void> {
    return (this.made ??= mkdir(join(this.root, PARTIAL), { recursive: true }).then(() => undefined));
  }

  /** A fresh path under the partial folder, for a file being written. */
  async partialPath(): Promise<string> {
    await this.ensureRoot();
    return join(this.root, PARTIAL, randomBytes(12).toString("hex"));
  }

  /**
   * Writes a stream into the cache: to a partial file while hashing and counting (rejecting
   * with a 413 {@link FileRefused} as soon as it passes `max_file_size`, the partial file
   * deleted), then moves it to its content address. `onChunk` sees each chunk's size.
   */
  async ingest(
    source: Readable,
    name: string | null | undefined,
    onChunk?: (bytes: number) => void,
  ): Promise<{ path: string; size: number; created: boolean }> {
    const partial = await this.partialPath();
    const hash = createHash("sha256");
    const limit = this.maxFileSize;
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        size += chunk.length;
        if (limit !== null && size > limit) return done(tooLarge(limit));
        hash.update(chunk);
        onChunk?.(chunk.length);
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, createWriteStream(partial));
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return { ...(await this.place(partial, hash.digest("hex"), name)), size };
  }

  /** Moves a written partial file to `<root>/<digest>/<name>` (or drops it when that file is there already). */
  private async place(partial: string, digest: string, name: string | null | undefined): Promise<{ path: string; created: boolean }> {
    const dir = join(this.root, digest);
    const target = join(dir, sanitizeName(name));
    await mkdir(dir, { recursive: true });
    try {
      await stat(target);
      await unlink(partial);
      const now = new Date();
      await utimes(target, now, now).catch(() => undefined);
      return { path: target, created: false };
    } catch {
      await rename(partial, target);
      return { path: target, created: true };
    }
  }

  /** Writes bytes into the cache (content-addressed) and returns the path. */
  async write(data: Uint8Array, name: string | null | undefined): Promise<string> {
    if (this.maxFileSize !== null && data.byteLength > this.maxFileSize) throw tooLarge(this.maxFileSize);
    return (await this.ingest(Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]), name)).path;
  }

  /** Whether a real path lies inside the cache (and not in its partial folder). */
  inCache(real: string): boolean {
    return isInside(real, this.root) && !isInside(real, join(this.root, PARTIAL)) && real !== this.root;
  }

  /** Whether a real path may be served or passed in: in the cache, or inside `allowed_paths`, and never inside `blocked_paths`. */
  servable(real: string): boolean {
    if (insideAny(real, this.blocked)) return false;
    return this.inCache(real) || insideAny(real, this.allowed);
  }

  /**
   * A quick check of a path a client sent, without touching the disk (at join): lexically in
   * the cache or inside `allowed_paths`. {@link check} does the real check later.
   */
  plausible(path: string): boolean {
    if (pathProblem(path) !== null) return false;
    const abs = resolve(path);
    return (this.inCache(abs) || insideAny(abs, this.allowed)) && !insideAny(abs, this.blocked);
  }

  /**
   * The real path of a client-given path when it may be served or passed in; throws a
   * {@link FileRefused} (403) otherwise, or 404 when it is allowed but missing.
   */
  async check(path: string): Promise<string> {
    const problem = pathProblem(path);
    if (problem) throw notAllowed(path, problem);
    const abs = resolve(path);
    if (!(this.inCache(abs) || insideAny(abs, this.allowed))) throw notAllowed(path);
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      throw new FileRefused(404, `File not found: ${path}`);
    }
    if (!this.servable(real)) throw notAllowed(path);
    return real;
  }

  /**
   * Takes a path a function returned into the cache: kept as is when it is in the cache
   * already, copied when it lies in the working directory, the OS temp folder or
   * `allowed_paths` (and not in `blocked_paths`), refused otherwise (Gradio 5's rule).
   */
  async adopt(path: string, name?: string): Promise<{ path: string; size: number }> {
    const abs = resolve(path);
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      throw new Error(`Cannot return the file ${path}: it does not exist`);
    }
    const info = await stat(real);
    if (!info.isFile()) throw new Error(`Cannot return ${path}: it is not a file`);
    if (this.inCache(real)) return { path: real, size: info.size };
    const roots = [realOrResolved(process.cwd()), realOrResolved(tmpdir()), ...this.allowed];
    if (insideAny(real, this.blocked) || !insideAny(real, roots)) {
      throw new Error(
        `Cannot return the file ${path}: it is not in the working directory (${process.cwd()}), the temp folder ` +
          `(${tmpdir()}) or allowed_paths${insideAny(real, this.blocked) ? ", or it is in blocked_paths" : ""}. ` +
          `Move it there, or add its folder to allowed_paths.`,
      );
    }
    return this.ingest(createReadStream(real), name ?? basename(abs));
  }

  /**
   * Copies a file that the app's own code ships (a component's example input, in its package's
   * assets) into the cache, wherever it lies. Never call it with a path that came from a user or
   * a function's return value: those go through {@link adopt}'s rules.
   */
  async adoptOwnAsset(path: string): Promise<{ path: string; size: number }> {
    const real = await realpath(resolve(path));
    if (this.inCache(real)) return { path: real, size: (await stat(real)).size };
    return this.ingest(createReadStream(real), basename(real));
  }

  /** Downloads an http(s) URL through the SSRF-safe fetcher into the cache. */
  async fetchUrl(url: string, name?: string | null): Promise<string> {
    const { response, url: final } = await safeFetch(url, { isAllowed: this.addressCheck });
    const declared = Number(response.headers["content-length"]);
    if (this.maxFileSize !== null && declared > this.maxFileSize) {
      response.destroy();
      throw tooLarge(this.maxFileSize);
    }
    const fallback = decodeURIComponentSafe(final.pathname.split("/").pop() ?? "") || "file";
    return (await this.ingest(response, name || fallback)).path;
  }

  /**
   * Fetches a call's URL file inputs into the cache before it runs, and points the inputs at the
   * copies (see {@link fetchUrlInputs}); resolves with the message of a URL refused, or null.
   */
  fetchUrlInputs(call: Pick<CallRequest, "dependency" | "data">): Promise<string | null> {
    return fetchUrlInputs(call, {
      fetch: (url, name) => this.fetchUrl(url, name),
      refused: (err): err is Error => err instanceof FetchRefused || err instanceof FileRefused,
    });
  }

  /** Deletes cached files older than `ageMs` (by modification time), and the folders left empty. */
  async deleteOlderThan(ageMs: number): Promise<void> {
    const cutoff = Date.now() - ageMs;
    let entries: string[];
    try {
      entries = await readdir(this.root);
    } catch {
      return;
    }
    for (const entry of entries) {
      const dir = join(this.root, entry);
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const file = join(dir, name);
        const info = await stat(file).catch(() => null);
        if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
      }
      if (entry !== PARTIAL && (await readdir(dir).catch(() => ["?"])).length === 0) await rm(dir, { recursive: true, force: true });
    }
  }

  /** Stops the sweeper and removes the cache folder. */
  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    if (!this.shared) rmSync(this.root, { recursive: true, force: true });
    this.made = null;
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function tooLarge(limit: number): FileRefused {
  return new FileRefused(413, `File is too large: this app accepts files of at most ${limit} bytes (max_file_size)`);
}

function notAllowed(path: string, why?: string): FileRefused {
  return new FileRefused(
    403,
    `File not allowed: ${path}${why ? ` (${why})` : ""}. Only files uploaded to this server, files it returned, and files inside allowed_paths are accepted.`,
  );
}

/** The MIME type of a file name, or null. */
export function mimeOf(name: string): string | null {
  return mime.lookup(name) || null;
}

/**
 * The {@link FileStore} of one event: the app's cache, with file URLs made for the public root
 * of the request that queued the event.
 */
export class EventFileStore implements FileStore {
  private rootUrl: string | null = null;

  constructor(
    private readonly cache: FileCache,
    private readonly root: () => string,
  ) {}

  /** `<root>/gradio_api/file=<path>` for this request's root (not percent-encoded, as Gradio). */
  fileUrl = (path: string): string => `${(this.rootUrl ??= this.root())}${API_PREFIX}/file=${path}`;

  private describe(path: string, size: number, options: SaveOptions | undefined, origName?: string | null): FileData {
    const name = options?.name ?? origName ?? basename(path);
    return fileData(path, {
      url: this.fileUrl(path),
      size,
      orig_name: name,
      mime_type: options?.mime_type ?? mimeOf(name),
    });
  }

  async save(data: Uint8Array, options?: SaveOptions): Promise<FileData> {
    const path = await this.cache.write(data, options?.name ?? "file");
    return this.describe(path, data.byteLength, options);
  }

  async adopt(path: string, options?: SaveOptions): Promise<FileData> {
    if (/^https?:\/\//i.test(path)) return fileData(path, { url: path, orig_name: options?.name ?? null, mime_type: options?.mime_type ?? null });
    const kept = await this.cache.adopt(path, options?.name);
    return this.describe(kept.path, kept.size, options, basename(path));
  }

  async resolve(file: FileData): Promise<string> {
    const path = file.path;
    if (typeof path !== "string" || path === "") throw new Error("A file input has no path");
    try {
      if (/^https?:\/\//i.test(path)) return await this.cache.fetchUrl(path, file.orig_name ? basenameOf(file.orig_name) : null);
      return await this.cache.check(path);
    } catch (err) {
      if (err instanceof FileRefused || err instanceof FetchRefused) throw new Error(err.message);
      throw err;
    }
  }

  async read(path: string): Promise<Uint8Array> {
    const real = await realpath(resolve(path));
    if (!this.cache.servable(real)) throw new Error(`File not allowed: ${path}`);
    return readFile(real);
  }
}

function basenameOf(name: string): string {
  return name.split(/[/\\]/).pop() ?? name;
}
