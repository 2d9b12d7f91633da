/** Issue 7: the page's live channel, a WebSocket at `{path}/gradio_api/live/{session}`, at the root and mounted. */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { WebSocket, WebSocketServer } from "ws";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { attachLiveChannel, closeServer, launch, mount, type AppService, type RunningServer } from "./index.js";
import { LiveChannels, attachUpgrades } from "./live.js";

function demo() {
  return Blocks(() => {
    const text = Textbox({ label: "text" });
    const out = Textbox({ label: "out" });
    text.submit({ fn: (t: string) => t, inputs: [text], outputs: [out], api_name: "echo" });
  });
}

const open = (url: string, options?: { origin?: string }) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.once("close", (code: number) => resolve(code)));
/** The error message of a handshake the server refuses, e.g. "Unexpected server response: 404". */
const refused = (url: string, options?: { origin?: string }) =>
  new Promise<string>((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once("open", () => reject(new Error(`${url} opened`)));
    ws.once("error", (err: Error) => resolve(err.message));
  });
const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
};

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0)) await fn();
});

/** The calls of spies on pageOpened / pageClosed: one `[sessionHash]` per call. */
type Calls = [string][];

async function launched(): Promise<{ running: RunningServer; ws: string; opened: Calls; closedHashes: Calls }> {
  const running = await launch(demo(), { server_port: 0, quiet: true });
  cleanup.push(() => running.close());
  // Spies that call through: the service's own session lifecycle still runs.
  const opened = jest.spyOn(running.service, "pageOpened").mock.calls;
  const closedHashes = jest.spyOn(running.service, "pageClosed").mock.calls;
  return { running, ws: running.url.replace("http:", "ws:"), opened, closedHashes };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("launch(): the live channel", () => {
  it("calls pageOpened when a page's channel opens and pageClosed when it closes, once per channel", async () => {
    const { ws, opened, closedHashes } = await launched();
    const a = await open(`${ws}gradio_api/live/s1`);
    const b = await open(`${ws}gradio_api/live/s1`);
    await until(() => opened.length === 2);
    expect(opened).toEqual([["s1"], ["s1"]]);
    expect(closedHashes).toEqual([]);
    a.close();
    await until(() => closedHashes.length === 1);
    b.terminate(); // a dropped connection counts as a close too
    await until(() => closedHashes.length === 2);
    expect(closedHashes).toEqual([["s1"], ["s1"]]);
  });

  it("refuses other paths and an empty session", async () => {
    const { ws, opened } = await launched();
    await expect(refused(`${ws}gradio_api/live/`)).resolves.toMatch(/400/);
    await expect(refused(`${ws}gradio_api/heartbeat/s1`)).resolves.toMatch(/404/);
    await expect(refused(`${ws}elsewhere`)).resolves.toMatch(/404/);
    expect(opened).toEqual([]);
  });

  it("refuses browser pages of other origins, as CORS does for the API", async () => {
    const { running, ws, opened } = await launched();
    await expect(refused(`${ws}gradio_api/live/s4`, { origin: "http://evil.example" })).resolves.toMatch(/403/);
    expect(opened).toEqual([]);
    const own = await open(`${ws}gradio_api/live/s4`, { origin: new URL(running.url).origin });
    const alias = await open(`${ws}gradio_api/live/s4`, { origin: `http://localhost:${running.port}` });
    await until(() => opened.length === 2);
    own.close();
    alias.close();
  });

  it("keeps the heartbeat stream for Gradio's clients, reporting to the same methods", async () => {
    const { running, opened, closedHashes } = await launched();
    const controller = new AbortController();
    const res = await fetch(`${running.url}gradio_api/heartbeat/s2`, { signal: controller.signal });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: ALIVE\n\n");
    expect(opened).toEqual([["s2"]]);
    controller.abort();
    await until(() => closedHashes.length === 1);
    expect(closedHashes).toEqual([["s2"]]);
  });

  it("closing the server closes the open channels at once", async () => {
    const { running, ws } = await launched();
    const socket = await open(`${ws}gradio_api/live/s3`);
    const code = closed(socket);
    await running.close();
    expect([1001, 1006]).toContain(await code);
  });
});

describe("mounted: attachLiveChannel", () => {
  async function host(register?: (server: Server) => void): Promise<{ ws: string; services: AppService[] }> {
    const app = express();
    const services = [mount(app, "/a", demo()), mount(app, "/ab/", demo())];
    const server = createServer(app);
    register?.(server);
    for (const s of services) attachLiveChannel(server, s);
    cleanup.push(() => closeServer(server, services));
    return { ws: await listen(server), services };
  }

  it("serves each mounted app's channel under its own path", async () => {
    const { ws, services } = await host();
    const [a, ab] = services.map((s) => jest.spyOn(s, "pageOpened").mock.calls);
    await open(`${ws}/a/gradio_api/live/x`);
    await open(`${ws}/ab/gradio_api/live/y`);
    await until(() => a!.length + ab!.length === 2);
    expect([a, ab]).toEqual([[["x"]], [["y"]]]);
    await expect(refused(`${ws}/gradio_api/live/z`)).resolves.toMatch(/404/);
    await expect(refused(`${ws}/abc/gradio_api/live/z`)).resolves.toMatch(/404/);
  });

  it("leaves upgrades it does not serve to the host's own listeners", async () => {
    const chat = new WebSocketServer({ noServer: true });
    const { ws } = await host((server) => {
      server.on("upgrade", (req, socket, head) => {
        if (req.url === "/chat") chat.handleUpgrade(req, socket, head, (c) => c.send("hi"));
      });
    });
    const c = new WebSocket(`${ws}/chat`);
    await expect(new Promise((resolve) => c.once("message", (m) => resolve(String(m))))).resolves.toBe("hi");
    c.close();
    const live = await open(`${ws}/a/gradio_api/live/x`);
    live.close();
  });

  it("needs the path for an app not mounted with mount()", async () => {
    const { AppService: Service } = await import("./index.js");
    const service = new Service(demo());
    cleanup.push(async () => service.close());
    expect(() => attachLiveChannel(createServer(), service)).toThrow(/pass the path/);
  });
});

describe("LiveChannels", () => {
  it("drops a channel that stops answering pings, and keeps the ones that answer", async () => {
    const events: string[] = [];
    const live = new LiveChannels({ opened: (h) => events.push(`open ${h}`), closed: (h) => events.push(`close ${h}`) }, 40);
    const server = createServer();
    attachUpgrades(server, "/", live);
    cleanup.push(() => closeServer(server, [live]));
    const ws = await listen(server);
    const deaf = new WebSocket(`${ws}/gradio_api/live/deaf`, { autoPong: false });
    const healthy = await open(`${ws}/gradio_api/live/healthy`);
    await until(() => events.includes("close deaf"));
    await new Promise((r) => setTimeout(r, 120));
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    expect(events.filter((e) => e.startsWith("close"))).toEqual(["close deaf"]);
    expect(deaf.readyState).not.toBe(WebSocket.OPEN);
    expect(live.size).toBe(1);
  });
});
