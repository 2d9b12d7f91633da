/**
 * The upload benchmark (issue 8): a large multipart upload must leave the server's memory where
 * it was. A fresh server process (upload-server.ts, with --expose-gc) is started; after a small
 * warm-up upload (so that lazily loaded code is in) and two forced collections, its idle RSS is
 * read (the median of 10 samples over 0.5 s). Then the driver streams one file of `bytes` bytes
 * (200 MB in the full run) as a multipart body to `POST /gradio_api/upload`: the bytes are
 * generated as the socket drains (a 1 MB random block, repeated), never held whole. The
 * server's RSS (VmRSS from /proc/<pid>/status) is sampled every 50 ms from the first byte sent
 * until the answer; the result is the peak minus idle RSS (goal: ≤ 10 MB; Python Gradio 6.25 on
 * this machine: +2 MB, 1.2 s), the upload's duration and MB/s. The stored file's size is
 * checked against what was sent.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rss } from "./proc.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The server script, built (tests run this module from src/, next to no .js files). */
const serverScript = [join(here, "upload-server.js"), join(here, "..", "dist", "upload-server.js")].find((f) => existsSync(f))!;

const MB = 1024 * 1024;
const SAMPLE_MS = 50;

/** The benchmark's result. */
export interface UploadResult {
  /** Bytes of the uploaded file (the multipart body is a few hundred bytes more). */
  bytes: number;
  idleRss: number;
  peakRss: number;
  /** RSS once the upload has been answered. */
  afterRss: number;
  /** RSS samples taken during the upload. */
  samples: number;
  /** From the first byte sent to the answer, seconds. */
  seconds: number;
  /** File bytes per second / 2^20. */
  mbPerSecond: number;
  /** The server's `process.memoryUsage()` when idle (read with the idle RSS). */
  memoryIdle: NodeJS.MemoryUsage;
  /** The server's `process.memoryUsage()` right after the answer, then after two forced collections (and 0.5 s). */
  memoryAfter: NodeJS.MemoryUsage;
  memoryAfterGc: NodeJS.MemoryUsage;
  /** The file's size in the server's cache (equal to `bytes`). */
  stored: number;
}

/** Streams a multipart body with one `files` part of `bytes` bytes; resolves to the answer's paths. */
function streamUpload(base: string, bytes: number, name: string): Promise<string[]> {
  const boundary = `----vitrinebench${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const block = randomBytes(Math.min(MB, Math.max(1, bytes)));
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}gradio_api/upload`,
      {
        method: "POST",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + bytes + tail.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200) reject(new Error(`upload: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
          else resolve(JSON.parse(text) as string[]);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.write(head);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(block.length, bytes - sent);
        sent += n;
        if (!req.write(n === block.length ? block : block.subarray(0, n))) {
          req.once("drain", pump);
          return;
        }
      }
      req.end(tail);
    };
    pump();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server, uploads `bytes` bytes once (after a 1 MB warm-up) and stops it. */
export async function measureUpload(bytes: number): Promise<UploadResult> {
  const child = spawn(process.execPath, ["--expose-gc", serverScript], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the upload server exited (${code})`)));
      child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    const pid = child.pid!;
    const base = `http://127.0.0.1:${port}/`;
    await streamUpload(base, MB, "warmup.bin");
    await (await fetch(`${base}__gc`)).json();
    await sleep(500);
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) {
      idle.push(rss(pid) ?? 0);
      await sleep(SAMPLE_MS);
    }
    idle.sort((a, b) => a - b);
    const idleRss = idle[Math.floor(idle.length / 2)]!;
    const memoryIdle = (await (await fetch(`${base}__memory`)).json()) as NodeJS.MemoryUsage;
    let peakRss = idleRss;
    let samples = 0;
    const sampler = setInterval(() => {
      const now = rss(pid);
      if (now !== null) {
        samples++;
        if (now > peakRss) peakRss = now;
      }
    }, SAMPLE_MS);
    const started = performance.now();
    let paths: string[];
    try {
      paths = await streamUpload(base, bytes, "big.bin");
    } finally {
      clearInterval(sampler);
    }
    const seconds = (performance.now() - started) / 1000;
    const afterRss = rss(pid) ?? 0;
    peakRss = Math.max(peakRss, afterRss);
    const memoryAfter = (await (await fetch(`${base}__memory`)).json()) as NodeJS.MemoryUsage;
    await (await fetch(`${base}__gc`)).json();
    await sleep(500);
    const memoryAfterGc = (await (await fetch(`${base}__memory`)).json()) as NodeJS.MemoryUsage;
    const stored = statSync(paths[0]!).size;
    if (stored !== bytes) throw new Error(`upload: stored ${stored} bytes of ${bytes}`);
    return { bytes, idleRss, peakRss, afterRss, samples, seconds, mbPerSecond: bytes / MB / seconds, memoryIdle, memoryAfter, memoryAfterGc, stored };
  } finally {
    child.kill("SIGTERM");
  }
}

const mb = (n: number) => (n / MB).toFixed(1);

/** The result as a markdown table. */
export function uploadTable(r: UploadResult): string {
  const delta = r.peakRss - r.idleRss;
  return [
    `A ${mb(r.bytes)} MB upload streamed to \`POST /gradio_api/upload\` (server RSS sampled every ${SAMPLE_MS} ms, ${r.samples} samples):`,
    "",
    "| idle RSS, MB | peak RSS, MB | peak − idle, MB | target | met | after, MB | seconds | MB/s | Python Gradio 6.25 (this machine) |",
    "| ---: | ---: | ---: | --- | :---: | ---: | ---: | ---: | --- |",
    `| ${mb(r.idleRss)} | ${mb(r.peakRss)} | ${mb(delta)} | ≤ 10 MB | ${delta <= 10 * MB ? "yes" : "no"} | ${mb(r.afterRss)} | ${r.seconds.toFixed(2)} | ${r.mbPerSecond.toFixed(0)} | +2 MB, 1.2 s (200 MB) |`,
    "",
    `Server memory when idle: JS heap reserved ${mb(r.memoryIdle.heapTotal)} MB, used ${mb(r.memoryIdle.heapUsed)} MB, external ${mb(r.memoryIdle.external)} MB. ` +
      `Right after the answer: RSS ${mb(r.memoryAfter.rss)} MB, JS heap reserved ${mb(r.memoryAfter.heapTotal)} MB, used ${mb(r.memoryAfter.heapUsed)} MB, external ${mb(r.memoryAfter.external)} MB, array buffers ${mb(r.memoryAfter.arrayBuffers)} MB; ` +
      `after two forced collections and 0.5 s: RSS ${mb(r.memoryAfterGc.rss)} MB, heap used ${mb(r.memoryAfterGc.heapUsed)} MB, external ${mb(r.memoryAfterGc.external)} MB.`,
  ].join("\n");
}
