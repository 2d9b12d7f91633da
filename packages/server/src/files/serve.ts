/**
 * `GET {API_PREFIX}/file=<path>` (and HEAD): serves a file of the cache or of `allowed_paths`,
 * with ranges and conditional requests (express's `res.sendFile`). Every other path is
 * refused with `403 {"detail":"File not allowed: …"}`: see {@link decodeRequestedPath} for the
 * forms refused before the disk is touched, and {@link FileCache.check} for real paths
 * (symlinks resolved). Active content (HTML, SVG, XML, scripts, anything not known to be
 * inert) is sent as a download: `Content-Disposition: attachment`, `application/octet-stream`
 * and `Content-Security-Policy: default-src 'none'; sandbox`. Every answer has
 * `X-Content-Type-Options: nosniff`.
 */
import { basename, dirname } from "node:path";
import type { NextFunction, Request, Response } from "express";
import { FileRefused, mimeOf, type FileCache } from "./cache.js";
import { decodeRequestedPath } from "./paths.js";

/** Types a browser shows without running anything (besides these: downloads). */
const INERT = /^(image\/(png|jpeg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon|tiff|apng)|audio\/[\w.+-]+|video\/[\w.+-]+|text\/(plain|csv|tab-separated-values|markdown)|application\/(json|pdf|zip|gzip|x-tar|octet-stream|x-ndjson|vnd\.apache\.parquet)|font\/[\w.+-]+|model\/(gltf-binary|gltf\+json|obj|stl))$/i;

/** Whether a MIME type is safe to show inline. */
export function isInert(type: string): boolean {
  return INERT.test(type);
}

/**
 * Whether a request is for a file: a GET or HEAD of `/file=<path>`, or of the legacy form
 * `/file/<path>` that Gradio also serves (`req.path` relative to the API prefix, or to the app's
 * root for the unprefixed forms of Gradio 4, served under the same rules).
 */
export function isFileRequest(req: Request): boolean {
  return (req.method === "GET" || req.method === "HEAD") && (req.path.startsWith("/file=") || req.path.startsWith("/file/"));
}

/** The handler of file requests (see {@link isFileRequest}: `req.path` starts with `/file=` or `/file/`). */
export function serveFile(cache: FileCache) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    // The raw path, still percent-encoded, from the URL as sent (after `/file=` or `/file/`).
    const raw = req.path.slice("/file=".length);
    const decoded = decodeRequestedPath(raw);
    if ("problem" in decoded) {
      res.status(403).json({ detail: `File not allowed: ${raw} (${decoded.problem})` });
      return;
    }
    cache.check(decoded.path).then(
      (real) => send(req, res, real, next),
      (err: unknown) => {
        if (err instanceof FileRefused) res.status(err.status).json({ detail: err.message });
        else next(err);
      },
    );
  };
}

function send(req: Request, res: Response, real: string, next: NextFunction): void {
  const name = basename(real);
  const type = mimeOf(name) ?? "application/octet-stream";
  if (isInert(type)) {
    res.type(type);
  } else {
    // `attachment()` sets the file's own type: the download type goes after it.
    res.attachment(name);
    res.type("application/octet-stream");
    res.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  }
  res.sendFile(name, { root: dirname(real), dotfiles: "allow", maxAge: 0 }, (err) => {
    if (!err || res.headersSent) return;
    const e = err as Error & { status?: number };
    if (e.status === 404) res.status(404).json({ detail: `File not found: ${req.path.slice(6)}` });
    else next(err);
  });
}
