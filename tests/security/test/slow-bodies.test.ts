/**
 * Slow bodies (slowloris-style clients, Gradio advisories on unbounded request handling): many
 * clients that send a request body a byte at a time hold their connections, but never block
 * anyone else: while they dribble, other clients get their config, upload and predict at
 * normal speed, and once they go the server serves on.
 *
 * Not covered here: the server cutting such a client off. `launch()` relies on Node's defaults
 * (`requestTimeout` 300 s, `headersTimeout` 60 s, checked every 30 s) and offers no option to
 * shorten them, so a test of the cut-off would take minutes (see the suite's report).
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { calculator } from "@vitrine/demo-gallery";
import type { App } from "vitrine";
import { postJson, serve } from "./helpers.js";

/** Opens a connection that sends `path`'s headers, then one byte of its body every `everyMs`. */
function dribble(base: string, path: string, everyMs: number): { socket: Socket; received: Buffer[]; stop(): void; closed: Promise<void> } {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname);
  const body = JSON.stringify({ data: [1, "add", 2], fn_index: 0, session_hash: "slow" });
  const type = path.endsWith("/upload") ? "multipart/form-data; boundary=XX" : "application/json";
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: ${type}\r\n` +
      `Content-Length: ${body.length + 100_000}\r\n\r\n`,
  );
  let i = 0;
  const timer = setInterval(() => socket.write(body[i++ % body.length]!), everyMs);
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  const received: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => received.push(chunk));
  socket.on("error", () => undefined);
  return {
    socket,
    received,
    closed,
    stop() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

describe("slow bodies", () => {
  let app: App;
  let url: string;
  let slow: ReturnType<typeof dribble>[] = [];

  beforeAll(async () => {
    app = calculator();
    url = await serve(app);
  });
  afterAll(async () => {
    for (const s of slow) s.stop();
    await app?.close();
  });

  it("does not block other clients while 60 clients dribble their bodies", async () => {
    for (let i = 0; i < 20; i++) {
      for (const path of ["/gradio_api/queue/join", "/gradio_api/run/predict", "/gradio_api/upload"]) slow.push(dribble(url, path, 50));
    }
    await new Promise((r) => setTimeout(r, 300));
    const started = performance.now();
    const config = await fetch(`${url}config`);
    expect(config.status).toBe(200);
    const run = await postJson(`${url}gradio_api/run/predict`, { data: [7, "multiply", 6] });
    expect(run.body.data).toEqual([42]);
    const form = new FormData();
    form.append("files", new Blob(["quick"]), "quick.txt");
    expect((await fetch(`${url}gradio_api/upload`, { method: "POST", body: form })).status).toBe(200);
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [9, "subtract", 4])).data).toEqual([5]);
    expect(performance.now() - started).toBeLessThan(5000);
    // The slow clients are still connected: nothing of theirs was answered or dropped.
    expect(slow.every((s) => !s.socket.destroyed)).toBe(true);
    expect(slow.map((s) => Buffer.concat(s.received).toString()).filter((r) => r !== "")).toEqual([]);
  });

  it("serves on once the slow clients go away", async () => {
    for (const s of slow) s.stop();
    await Promise.all(slow.map((s) => s.closed));
    slow = [];
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [1, "add", 1])).data).toEqual([2]);
  });
});
