/**
 * Slow bodies (slowloris-style clients, Gradio advisories on unbounded request handling): many
 * clients that send a request body a byte at a time hold their connections, but never block
 * anyone else: while they dribble, other clients get their config, upload and predict at
 * normal speed, and once they go the server serves on. Past `request_timeout` (default 300 s;
 * 1 s here), a client still sending its headers or its body gets a `408` naming the option and
 * its connection is closed (a finding of issue 12: before, only Node's defaults cut them off).
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { calculator } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import type { App } from "vitrine";
import { postJson, serve } from "./helpers.js";

/** Opens a connection that sends only part of a request's headers, then nothing. */
function slowHeaders(base: string): { received: Buffer[]; closed: Promise<void>; stop(): void } {
  const { hostname, port } = new URL(base);
  const socket = connect(Number(port), hostname);
  socket.write(`GET /config HTTP/1.1\r\nHost: ${hostname}:${port}\r\nX-Slow: `);
  const received: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => received.push(chunk));
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  return { received, closed, stop: () => socket.destroy() };
}

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

describe("slow bodies past request_timeout", () => {
  let app: App;
  let url: string;
  const open: { stop(): void }[] = [];

  beforeAll(async () => {
    app = calculator();
    url = await serve(app, { request_timeout: 1 });
  });
  afterAll(async () => {
    for (const s of open) s.stop();
    await app?.close();
  });

  it("answers 408 naming request_timeout and closes clients that dribble their body or headers", async () => {
    const bodies = ["/gradio_api/queue/join", "/gradio_api/run/predict", "/gradio_api/upload"].map((path) => dribble(url, path, 100));
    const headers = slowHeaders(url);
    open.push(...bodies, headers);
    await Promise.all([...bodies, headers].map((s) => s.closed));
    for (const client of [...bodies, headers]) {
      const answer = Buffer.concat(client.received).toString();
      expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(answer).toMatch(/"detail":"Request timed out: the request (headers were not received|was not received) within 1 s \(request_timeout\)\. The connection is closed\."/);
    }
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [2, "add", 3])).data).toEqual([5]);
  });

  it("never times out a long response: a stream open longer than request_timeout completes", async () => {
    const slow = vt.Blocks(() => {
      const out = vt.Textbox({ label: "out" });
      vt.Button("go").click({
        fn: async () => {
          await new Promise((r) => setTimeout(r, 2500));
          return "late";
        },
        outputs: [out],
        api_name: "late",
      });
    });
    const slowUrl = await serve(slow, { request_timeout: 1 });
    try {
      const client = await Client.connect(slowUrl);
      expect((await client.predict("/late", [])).data).toEqual(["late"]);
      expect((await postJson(`${slowUrl}gradio_api/run/late`, { data: [] })).body.data).toEqual(["late"]);
    } finally {
      await slow.close();
    }
  });

  it("never cuts off a WebSocket live channel, which outlives request_timeout", async () => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.on("error", () => undefined);
    let closed = false;
    socket.on("close", () => (closed = true));
    socket.write(
      `GET /gradio_api/live/ws-session HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    await new Promise<void>((resolve) => socket.once("data", () => resolve()));
    expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    // Past request_timeout (1 s) and its header limit: the channel is still open, with no 408 on it.
    await new Promise((r) => setTimeout(r, 2500));
    expect(closed).toBe(false);
    expect(Buffer.concat(received).toString()).not.toContain("408");
    socket.destroy();
    expect((await postJson(`${url}gradio_api/run/predict`, { data: [3, "multiply", 3] })).body.data).toEqual([9]);
  });

  it("refuses a bad request_timeout when the app is served", async () => {
    await expect(serve(calculator(), { request_timeout: 0 })).rejects.toThrow(/request_timeout: give a number of seconds above 0, or null/);
    await expect(serve(calculator(), { request_timeout: -5 })).rejects.toThrow(/got -5/);
    expect((await postJson(`${url}gradio_api/run/predict`, { data: [3, "add", 3] })).body.data).toEqual([6]);
  });
});
