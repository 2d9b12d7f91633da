import { afterAll, beforeAll } from "@jest/globals";
import express from "express";
import { blocks, calculator, hello, stream } from "@vitrine/demo-gallery";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { attachLiveChannel, closeServer, mount, type App, type RunningServer } from "vitrine";

/** An app served for a test, at the root or under a path. */
export interface Served {
  /** URL of the app, with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** `METHOD path` of every request each served app's HTTP server got, by the app's URL. */
const requestLogs = new Map<string, string[]>();

/** Records the requests `server` gets as those of the app at `url` (a listener ahead of the app's own, which rewrites `req.url` as it routes). */
function logRequests(url: string, server: Server): void {
  const log: string[] = [];
  requestLogs.set(url, log);
  server.prependListener("request", (req) => log.push(`${req.method} ${req.url}`));
}

/** `METHOD path` of every request the server of the app at `url` (served here) has got so far. */
export function requestLog(url: string): string[] {
  const log = requestLogs.get(url);
  if (!log) throw new Error(`No app served at ${url}`);
  return log;
}

/** Launches an app on 127.0.0.1 with a free port. */
export async function serveAtRoot(app: App): Promise<Served> {
  const running: RunningServer = await app.launch({ server_port: 0, quiet: true });
  logRequests(running.url, running.server);
  return { url: running.url, close: () => app.close() };
}

/** Mounts an app under `path` of a fresh express server on 127.0.0.1. */
export async function serveMounted(app: App, path: string): Promise<Served> {
  const server = express();
  server.get("/", (_req, res) => {
    res.send("host app");
  });
  const service = mount(server, path, app);
  const http = createServer(server);
  attachLiveChannel(http, service);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${path}/`;
  logRequests(url, http);
  return { url, close: () => closeServer(http, [service]) };
}

/** Both ways a test app is served: at the root, and mounted under a path. */
export const servings = [
  ["at the root", (app: App) => serveAtRoot(app)],
  ["mounted under /apps/demo", (app: App) => serveMounted(app, "/apps/demo")],
] as const;

/** POSTs JSON (or a raw string) and returns status and parsed body. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body: parsed };
}

/**
 * Serves the four gallery demos with `serve` around a test suite (streaming kept fast), and
 * returns their URLs once `beforeAll` has run.
 */
export function useGalleryDemos(serve: (app: App) => Promise<Served>): Record<"hello" | "calculator" | "blocks" | "stream", string> {
  const served: Served[] = [];
  const urls = {} as Record<"hello" | "calculator" | "blocks" | "stream", string>;
  beforeAll(async () => {
    const apps = { hello: hello(), calculator: calculator(), blocks: blocks(), stream: stream({ delayMs: 30 }) };
    for (const [name, app] of Object.entries(apps)) {
      const s = await serve(app);
      served.push(s);
      urls[name as keyof typeof urls] = s.url;
    }
  });
  afterAll(async () => {
    await Promise.all(served.map((s) => s.close()));
  });
  return urls;
}
