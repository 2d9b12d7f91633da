/**
 * The image round-trip benchmark (issue 8): a PNG through Vitrine's Image and back, side by side
 * with a bare jimp decode + encode of the same PNG in this process (the baseline: the work the
 * server cannot avoid, with no HTTP, queue or file cache around it).
 *
 * Vitrine: a fresh server process (image-roundtrip-server.ts) serves `Interface(Image in, type
 * "array" → Image out, format "png")`, the function returning the pixels it got. Each call, made
 * with `@vitrine/client`, is a whole round trip as a client sees it: `handle_file(png)` uploads
 * the PNG, `predict("/predict")` runs it through the queue (the server decodes it to an array
 * and encodes the result as PNG into its cache), and `download` fetches the result's bytes.
 * Latency: `sequential` calls one after another (p50, p99). Throughput: `concurrent` callers,
 * each with its own client, `rounds` calls each; round trips per second. The server keeps
 * Gradio's default `concurrency_limit` of 1, so concurrent calls queue, as in Gradio.
 * The baseline does the same counts of `Jimp.read(png)` + `getBuffer("image/png")`.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { summarize, type Summary } from "./stats.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The server script, built (tests run this module from src/, next to no .js files). */
const serverScript = [join(here, "image-roundtrip-server.js"), join(here, "..", "dist", "image-roundtrip-server.js")].find((f) => existsSync(f))!;

/** The parts of `@vitrine/client` this benchmark uses. */
interface FileDataLike {
  path: string;
  url?: string | null;
}
interface ClientLike {
  predict(endpoint: string, data: unknown[]): Promise<{ data: unknown[] }>;
  download(file: FileDataLike): Promise<Uint8Array>;
  close(): void;
}
interface ClientModule {
  Client: { connect(url: string): Promise<ClientLike> };
  handle_file(source: Blob | Uint8Array | Buffer): unknown;
}
/** The parts of jimp this benchmark uses. */
interface JimpImage {
  bitmap: { width: number; height: number; data: Buffer };
  getBuffer(mime: "image/png"): Promise<Buffer>;
}
interface JimpModule {
  Jimp: {
    new (options: { width: number; height: number; color: number }): JimpImage;
    read(data: Buffer): Promise<JimpImage>;
  };
}

/**
 * `@vitrine/client` and jimp, as the `vitrine` package (a dependency of this one) resolves them:
 * through `vitrine` → `@vitrine/client`, and `vitrine` → `@vitrine/image` → `jimp`.
 */
async function dependencies(): Promise<{ client: ClientModule; jimp: JimpModule }> {
  const fromVitrine = createRequire(fileURLToPath(import.meta.resolve("vitrine")));
  const fromImage = createRequire(fromVitrine.resolve("@vitrine/image"));
  const client = (await import(pathToFileURL(fromVitrine.resolve("@vitrine/client")).href)) as ClientModule;
  const jimpCjs = (await import(pathToFileURL(fromImage.resolve("jimp")).href)) as JimpModule & { default?: JimpModule };
  return { client, jimp: jimpCjs.Jimp ? jimpCjs : jimpCjs.default! };
}

/** A `size`×`size` PNG: colour gradients with a little noise (about the size of a photo's PNG per pixel). */
export async function testPng(jimp: JimpModule, size: number): Promise<Buffer> {
  const image = new jimp.Jimp({ width: size, height: size, color: 0xffffffff });
  const data = image.bitmap.data;
  let seed = 12345;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = seed % 16;
      const i = (y * size + x) * 4;
      data[i] = ((x * 255) / size + noise) & 0xff;
      data[i + 1] = ((y * 255) / size + noise) & 0xff;
      data[i + 2] = (((x + y) * 127) / size + noise) & 0xff;
      data[i + 3] = 255;
    }
  }
  return image.getBuffer("image/png");
}

/** Options of one run. */
export interface ImageRoundTripOptions {
  /** Side of the square test image, pixels. */
  size: number;
  /** Calls one after another (latency). */
  sequential: number;
  /** Callers at once (throughput). */
  concurrent: number;
  /** Calls per concurrent caller. */
  rounds: number;
  /** Untimed calls first (each side). */
  warmup: number;
}

/** One side's figures. */
export interface SideResult {
  /** Milliseconds per round trip, calls one after another. */
  latency: Summary;
  /** Round trips per second with `concurrent` callers. */
  throughput: number;
}

/** The benchmark's result. */
export interface ImageRoundTripResult {
  options: ImageRoundTripOptions;
  /** Bytes of the test PNG. */
  pngBytes: number;
  vitrine: SideResult;
  jimp: SideResult;
}

async function timeSide(options: ImageRoundTripOptions, once: (caller: number) => Promise<void>): Promise<SideResult> {
  for (let i = 0; i < options.warmup; i++) await once(0);
  const times: number[] = [];
  for (let i = 0; i < options.sequential; i++) {
    const t = performance.now();
    await once(0);
    times.push(performance.now() - t);
  }
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrent }, async (_, caller) => {
      for (let i = 0; i < options.rounds; i++) await once(caller);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latency: summarize(times), throughput: (options.concurrent * options.rounds) / seconds };
}

/** Runs both sides on the same PNG. */
export async function measureImageRoundTrip(options: ImageRoundTripOptions): Promise<ImageRoundTripResult> {
  const { client, jimp } = await dependencies();
  const png = await testPng(jimp, options.size);

  const jimpSide = await timeSide(options, async () => {
    const image = await jimp.Jimp.read(png);
    await image.getBuffer("image/png");
  });

  const child = spawn(process.execPath, [serverScript], { stdio: ["ignore", "pipe", "inherit"] });
  const clients: ClientLike[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the image server exited (${code})`)));
      child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < Math.max(1, options.concurrent); i++) clients.push(await client.Client.connect(url));
    let checked = false;
    const vitrineSide = await timeSide(options, async (caller) => {
      const app = clients[caller]!;
      const result = await app.predict("/predict", [client.handle_file(new Blob([new Uint8Array(png)], { type: "image/png" }))]);
      const out = await app.download(result.data[0] as FileDataLike);
      if (!checked) {
        // Once: the round trip is exact (same pixels back; the PNG bytes may differ).
        checked = true;
        const [a, b] = await Promise.all([jimp.Jimp.read(png), jimp.Jimp.read(Buffer.from(out))]);
        if (a.bitmap.width !== b.bitmap.width || !a.bitmap.data.equals(b.bitmap.data)) throw new Error("image round trip: the pixels came back changed");
      }
    });
    return { options, pngBytes: png.length, vitrine: vitrineSide, jimp: jimpSide };
  } finally {
    for (const c of clients) c.close();
    child.kill("SIGTERM");
  }
}

const ms = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? "–" : `${(a / b).toFixed(1)}×`);

/** The result as a markdown table. */
export function imageRoundTripTable(r: ImageRoundTripResult): string {
  const { options: o, vitrine: v, jimp: j } = r;
  return [
    `Image round trip: a ${o.size}×${o.size} PNG (${(r.pngBytes / 1024).toFixed(0)} kB) through \`Interface(Image type "array" → Image format "png")\` with @vitrine/client (upload, queue, decode, encode, download), against a bare jimp decode + encode of the same PNG in-process. Latency: ${o.sequential} calls one after another; throughput: ${o.concurrent} callers × ${o.rounds} calls (server concurrency_limit 1, Gradio's default).`,
    "",
    "| | p50, ms | p99, ms | mean, ms | round trips/s |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| Vitrine | ${ms(v.latency.p50)} | ${ms(v.latency.p99)} | ${ms(v.latency.mean)} | ${v.throughput.toFixed(1)} |`,
    `| bare jimp | ${ms(j.latency.p50)} | ${ms(j.latency.p99)} | ${ms(j.latency.mean)} | ${j.throughput.toFixed(1)} |`,
    `| Vitrine / jimp | ${ratio(v.latency.p50, j.latency.p50)} | ${ratio(v.latency.p99, j.latency.p99)} | ${ratio(v.latency.mean, j.latency.mean)} | ${(v.throughput / j.throughput).toFixed(2)}× |`,
  ].join("\n");
}
