/**
 * `POST {API_PREFIX}/upload`: multipart bodies streamed to disk with busboy, and
 * `GET {API_PREFIX}/upload_progress?upload_id=…`, the progress of an upload as Server-Sent Events.
 *
 * Progress messages (Gradio's): `{"msg":"update","orig_name":"cat.png","chunk_size":65536}`
 * for each chunk written (at most one per 50 ms per file, sizes added up), then `{"msg":"done"}`
 * when the upload ended (also after a refused one), and the stream closes. A stream opened
 * before its upload starts waits for it (up to a minute).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { rm } from "node:fs/promises";
import busboy from "busboy";
import type { Request, Response } from "express";
import { openEventStream, writeEvent } from "../sse.js";
import { FileRefused, type FileCache } from "./cache.js";
import { ByteReclaimer } from "./reclaim.js";

/** Most `files` parts in one upload (the JS client sends batches of up to 1000). */
export const MAX_UPLOAD_FILES = 1000;
/** Most parts of any kind in one upload. */
export const MAX_UPLOAD_PARTS = 1100;
/** Most header pairs of one part. */
export const MAX_PART_HEADERS = 32;
/** Least time between two progress messages of one file. */
const PROGRESS_MS = 50;
/** How long a progress stream waits for its upload, and how long a finished upload's record is kept. */
const PROGRESS_WAIT_MS = 60_000;

interface ProgressMessage {
  msg: "update" | "done";
  orig_name?: string;
  chunk_size?: number;
}

/** The progress of one upload, and the streams listening to it. */
class Tracker {
  readonly backlog: ProgressMessage[] = [];
  readonly listeners = new Set<ServerResponse>();
  done = false;
  timer: ReturnType<typeof setTimeout> | null = null;

  send(message: ProgressMessage): void {
    this.backlog.push(message);
    if (this.backlog.length > 1000) this.backlog.splice(0, this.backlog.length - 1000);
    for (const res of this.listeners) writeEvent(res, message);
  }
}

/** The uploads of one app and their progress. */
export class Uploads {
  private readonly trackers = new Map<string, Tracker>();
  /** Frees the socket's spent read buffers every few megabytes (see {@link ByteReclaimer}). */
  private readonly reclaimer = new ByteReclaimer();

  constructor(private readonly cache: FileCache) {}

  private tracker(id: string): Tracker {
    let t = this.trackers.get(id);
    if (!t) {
      t = new Tracker();
      this.trackers.set(id, t);
      this.expire(id, t);
    }
    return t;
  }

  private expire(id: string, t: Tracker): void {
    if (t.timer) clearTimeout(t.timer);
    t.timer = setTimeout(() => {
      for (const res of t.listeners) res.end();
      this.trackers.delete(id);
    }, PROGRESS_WAIT_MS);
    t.timer.unref();
  }

  /** `GET upload_progress?upload_id=…`. */
  progress(req: Request, res: Response): void {
    const id = typeof req.query.upload_id === "string" ? req.query.upload_id : "";
    if (!id || id.length > 200) {
      res.status(400).type("text/plain").send("upload_id is required");
      return;
    }
    const t = this.tracker(id);
    openEventStream(res);
    for (const m of t.backlog) writeEvent(res, m);
    if (t.done) {
      res.end();
      return;
    }
    t.listeners.add(res);
    res.on("close", () => t.listeners.delete(res));
  }

  /** `POST upload`: answers a JSON array of the stored paths, in part order. */
  upload(req: Request, res: Response): void {
    const type = req.headers["content-type"] ?? "";
    if (!/^\s*multipart\/form-data\s*;/i.test(type) || !/boundary=/i.test(type)) {
      req.resume();
      res.status(400).type("text/plain").send("Upload must be multipart/form-data with files in parts named \"files\"");
      return;
    }
    const id = typeof req.query.upload_id === "string" && req.query.upload_id.length <= 200 ? req.query.upload_id : null;
    const tracker = id ? this.tracker(id) : null;
    this.receive(req, tracker).then(
      (paths) => {
        finish(tracker);
        res.json(paths);
      },
      (err: unknown) => {
        finish(tracker);
        const status = err instanceof FileRefused ? err.status : 400;
        const message = err instanceof Error ? err.message : String(err);
        if (!(err instanceof FileRefused)) console.error("[vitrine] upload failed:", err);
        if (!res.headersSent) res.status(status).type("text/plain").send(message);
      },
    );
  }

  /** Streams the parts to disk; on any failure, deletes every file it wrote and rejects. */
  private receive(req: IncomingMessage, tracker: Tracker | null): Promise<string[]> {
    return new Promise((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: req.headers,
          limits: { files: MAX_UPLOAD_FILES, parts: MAX_UPLOAD_PARTS, headerPairs: MAX_PART_HEADERS, fields: 100, fieldSize: 64 * 1024 },
        });
      } catch (err) {
        reject(new FileRefused(400, `Malformed multipart request: ${(err as Error).message}`));
        return;
      }
      const writes: Promise<{ path: string; created: boolean }>[] = [];
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        req.unpipe(parser);
        parser.removeAllListeners();
        parser.on("error", () => undefined);
        // Read the rest of the body so that the client gets the answer; nothing more is kept.
        req.resume();
        // Everything written for this upload goes, kept or partial.
        void Promise.allSettled(writes).then(async (done) => {
          // Only files this upload created: the same content uploaded before keeps its file.
          await Promise.all(done.map((d) => (d.status === "fulfilled" && d.value.created ? rm(d.value.path, { force: true }) : undefined)));
          reject(err);
        });
      };
      parser.on("file", (name, stream, info) => {
        if (failed || name !== "files") {
          stream.resume();
          return;
        }
        let pending = 0;
        let last = 0;
        const onChunk = tracker
          ? (bytes: number) => {
              pending += bytes;
              const now = performance.now();
              if (now - last >= PROGRESS_MS) {
                last = now;
                tracker.send({ msg: "update", orig_name: info.filename ?? "", chunk_size: pending });
                pending = 0;
              }
            }
          : undefined;
        const write = this.cache.ingest(stream, info.filename || `tmp${Math.random().toString(16).slice(2, 10)}`, onChunk).then((r) => {
          if (tracker && pending > 0) tracker.send({ msg: "update", orig_name: info.filename ?? "", chunk_size: pending });
          return r;
        });
        write.catch((err: unknown) => {
          stream.resume();
          fail(err);
        });
        writes.push(write);
      });
      parser.on("filesLimit", () => fail(new FileRefused(413, `Too many files in one upload (at most ${MAX_UPLOAD_FILES})`)));
      parser.on("partsLimit", () => fail(new FileRefused(413, `Too many parts in one upload (at most ${MAX_UPLOAD_PARTS})`)));
      parser.on("fieldsLimit", () => fail(new FileRefused(413, "Too many fields in one upload")));
      parser.on("error", (err: Error) => fail(new FileRefused(400, `Malformed multipart request: ${err.message}`)));
      parser.on("close", () => {
        if (failed) return;
        Promise.all(writes).then((done) => resolve(done.map((d) => d.path)), fail);
      });
      req.on("error", (err) => fail(new FileRefused(400, `Upload interrupted: ${err.message}`)));
      req.on("data", (chunk: Buffer) => this.reclaimer.add(chunk.length));
      req.pipe(parser);
    });
  }

  /** Ends every progress stream. */
  close(): void {
    for (const t of this.trackers.values()) {
      if (t.timer) clearTimeout(t.timer);
      for (const res of t.listeners) res.end();
    }
    this.trackers.clear();
  }
}

function finish(tracker: Tracker | null): void {
  if (!tracker || tracker.done) return;
  tracker.done = true;
  tracker.send({ msg: "done" });
  for (const res of tracker.listeners) res.end();
  tracker.listeners.clear();
}
