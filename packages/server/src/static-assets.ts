/**
 * Static files, compressed and cached well: the page's built assets (`@vitrine/app`'s `dist/`)
 * and the component views.
 *
 * The builds write `.br` (brotli 11) and `.gz` (gzip 9) siblings of every text file worth
 * compressing. For each request the sibling the client accepts is sent (brotli first, then
 * gzip; `q=0` excludes a coding), with the original file's `Content-Type`, a
 * `Content-Encoding`, `Vary: Accept-Encoding`, `Content-Length`, an ETag and
 * `Last-Modified` of the bytes sent (so conditional GETs get a 304), HEAD and ranges, through
 * express's own `res.sendFile` (`send`). Without a usable sibling (missing, or older than the
 * file: a stale build) the plain file goes out.
 *
 * Caching: files whose name carries vite's content hash (`assets/name-HASH.js`) are cached for a
 * year as immutable; every other file (the vendor entries under `assets/vendor/`, whose names
 * are stable, and the component views at `components/<type>.js`) is `no-cache`: the browser
 * keeps it but revalidates it with its ETag.
 *
 * `VITRINE_NO_COMPRESSION=1` in the environment turns compression off (the plain files,
 * uncompressed pages): the baseline of the page benchmark, or a proxy that compresses itself.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/** `Cache-Control` of files whose URL changes with their content. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** `Cache-Control` of files at stable URLs: kept, but revalidated (ETag) before each use. */
export const NO_CACHE = "no-cache";

/** A content coding the builds precompress, and the suffix of its sibling file. */
export type Encoding = "br" | "gzip";
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/** Extensions the builds precompress (and so the ones whose response varies by Accept-Encoding). */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".map"]);

/** Pages smaller than this go out uncompressed: the headers would cost more than the saving. */
const PAGE_COMPRESSION_MIN_BYTES = 1024;

/** A sibling older than its file by more than this is a leftover of an earlier build. */
const STALE_SIBLING_MS = 2000;

/** True when `VITRINE_NO_COMPRESSION` is set (to anything but "", "0" or "false"). */
export function compressionDisabled(): boolean {
  const value = process.env.VITRINE_NO_COMPRESSION;
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/**
 * The codings of ours an `Accept-Encoding` header allows, in the server's order of preference
 * (`br`, then `gzip`), whatever the client's q-values, except that `q=0` excludes a coding.
 * `*` stands for any coding not listed; `x-gzip` is `gzip`. No header: none (identity).
 */
export function acceptedEncodings(header: string | string[] | undefined): Encoding[] {
  if (header === undefined) return [];
  const q = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : header).split(",")) {
    const [name = "", ...params] = part.split(";");
    const coding = name.trim().toLowerCase();
    if (!coding || q.has(coding)) continue;
    let weight = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (m) weight = Number(m[1]);
    }
    q.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string, alias?: string): number =>
    q.get(coding) ?? (alias !== undefined ? q.get(alias) : undefined) ?? q.get("*") ?? 0;
  const out: Encoding[] = [];
  if (weightOf("br") > 0) out.push("br");
  if (weightOf("gzip", "x-gzip") > 0) out.push("gzip");
  return out;
}

/** Options of {@link sendAsset}. */
export interface SendAssetOptions {
  /** The `Cache-Control` header (default {@link NO_CACHE}). */
  cacheControl?: string;
}

const isNotFound = (err: unknown): boolean => {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "ENAMETOOLONG";
};

async function fileStats(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/**
 * Sends the file at the absolute path `file`, or its precompressed sibling (`file.br`,
 * `file.gz`) when the request accepts that coding; see the module's description for the
 * headers. Resolves `true` once the response is handled (200, 206, 304, 412…), `false` when
 * `file` is not a file (nothing was sent: answer 404 or call `next()`); rejects on other
 * errors before anything was sent.
 */
export async function sendAsset(req: Request, res: Response, file: string, options: SendAssetOptions = {}): Promise<boolean> {
  const plain = await fileStats(file);
  if (!plain) return false;
  const ext = extname(file).toLowerCase();
  let chosen = file;
  let encoding: Encoding | null = null;
  if (COMPRESSIBLE_EXTENSIONS.has(ext) && !compressionDisabled()) {
    res.vary("Accept-Encoding");
    for (const coding of acceptedEncodings(req.headers["accept-encoding"])) {
      const sibling = file + SUFFIX[coding];
      const s = await fileStats(sibling).catch(() => null);
      if (s && s.mtimeMs >= plain.mtimeMs - STALE_SIBLING_MS) {
        chosen = sibling;
        encoding = coding;
        break;
      }
    }
  }
  const sent = await sendFile(res, chosen, ext, encoding, options.cacheControl ?? NO_CACHE);
  // A sibling removed since it was found (a build under way): the plain file then.
  return sent || (encoding !== null && sendFile(res, file, ext, null, options.cacheControl ?? NO_CACHE));
}

/** `res.sendFile` of `path`, typed and labelled as the original file; false when not found. */
function sendFile(res: Response, path: string, ext: string, encoding: Encoding | null, cacheControl: string): Promise<boolean> {
  // The type of the original file: `send` keeps a Content-Type that is already set.
  res.type(ext || "application/octet-stream");
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Cache-Control", cacheControl);
  return new Promise<boolean>((done, fail) => {
    // `root` + a bare name: `send`'s dotfile rule looks at the name only, not at the folders
    // above it (installed packages live under node_modules/.pnpm/).
    res.sendFile(basename(path), { root: dirname(path), cacheControl: false, dotfiles: "allow" }, (err) => {
      if (!err || res.headersSent) return done(true);
      for (const header of ["Content-Encoding", "Content-Type", "Cache-Control", "ETag", "Last-Modified", "Accept-Ranges"]) {
        res.removeHeader(header);
      }
      const e = err as Error & { status?: number; statusCode?: number };
      if (isNotFound(err) || e.status === 404 || e.statusCode === 404) done(false);
      else fail(err);
    });
  });
}

/** vite's output names: `assets/<name>-<8-character hash>.<ext>` (and their `.map`). */
const HASHED_ASSET = /^assets\/(?!vendor\/)(?:.*\/)?[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+(?:\.map)?$/;

/**
 * The `Cache-Control` of a file of the page's build, by its path relative to `dist/`:
 * {@link IMMUTABLE} for hashed names under `assets/` (not `assets/vendor/`), else {@link NO_CACHE}.
 */
export function assetCacheControl(relativePath: string): string {
  return HASHED_ASSET.test(relativePath.split(sep).join("/")) ? IMMUTABLE : NO_CACHE;
}

/** Options of {@link staticAssets}. */
export interface StaticAssetsOptions {
  /** The `Cache-Control` of a file, by its path relative to the root (default {@link assetCacheControl}). */
  cacheControl?: (relativePath: string) => string;
}

/**
 * Middleware serving the files under `root` (GET and HEAD) with {@link sendAsset}. Requests
 * for anything else (other methods, missing files, folders, dotfiles) fall through to
 * `next()`; a path with a `..` segment, raw or percent-encoded, is refused with 403, and a
 * malformed one with 400.
 */
export function staticAssets(root: string, options: StaticAssetsOptions = {}): RequestHandler {
  const base = resolve(root);
  const cacheControl = options.cacheControl ?? assetCacheControl;
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      res.status(400).type("text/plain").send("Malformed path");
      return;
    }
    const segments = path.split(/[/\\]/);
    if (path.includes("\0") || segments.includes("..")) {
      res.status(403).type("text/plain").send("Forbidden");
      return;
    }
    if (segments.some((s) => s.startsWith("."))) return next();
    const file = resolve(base, `.${path}`);
    const rel = relative(base, file);
    if (!rel || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return next();
    sendAsset(req, res, file, { cacheControl: cacheControl(rel) }).then((sent) => {
      if (!sent) next();
    }, next);
  };
}

/**
 * A short hash of a file's content (10 URL-safe characters), cached per path until the file's
 * size or modification time changes. Append it to a stable URL (`components/textbox.js?v=…`)
 * so that the URL changes with the file, and serve that URL with {@link versionedCacheControl}.
 */
export function assetVersion(file: string): string {
  const s = statSync(file);
  const cached = versions.get(file);
  if (cached && cached.mtimeMs === s.mtimeMs && cached.size === s.size) return cached.version;
  const version = createHash("sha256").update(readFileSync(file)).digest("base64url").slice(0, 10);
  versions.set(file, { mtimeMs: s.mtimeMs, size: s.size, version });
  return version;
}
const versions = new Map<string, { mtimeMs: number; size: number; version: string }>();

/**
 * The `Cache-Control` of a file served at a stable URL that may carry `?v=`{@link assetVersion}:
 * {@link IMMUTABLE} when `v` is the file's current version, else {@link NO_CACHE}.
 */
export function versionedCacheControl(file: string, v: unknown): string {
  if (typeof v !== "string" || !v) return NO_CACHE;
  try {
    return v === assetVersion(file) ? IMMUTABLE : NO_CACHE;
  } catch {
    return NO_CACHE;
  }
}

/**
 * Sends a page built per request (the HTML with its config inlined) as `text/html`,
 * `Cache-Control: no-cache`, compressed on the fly (brotli 5, else gzip 6) when the client
 * accepts it and the page is over 1 kB. `res.send` adds the ETag (of the bytes sent) and
 * answers conditional requests and HEAD.
 */
export function sendPage(req: Request, res: Response, html: string): void {
  res.setHeader("Cache-Control", NO_CACHE);
  res.type("html");
  const body = Buffer.from(html, "utf8");
  if (compressionDisabled()) {
    res.send(body);
    return;
  }
  res.vary("Accept-Encoding");
  const coding = body.length >= PAGE_COMPRESSION_MIN_BYTES ? acceptedEncodings(req.headers["accept-encoding"])[0] : undefined;
  if (coding === "br") {
    res.setHeader("Content-Encoding", "br");
    res.send(
      brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: 5,
          [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
  } else if (coding === "gzip") {
    res.setHeader("Content-Encoding", "gzip");
    res.send(gzipSync(body, { level: 6 }));
  } else {
    res.send(body);
  }
}
