/**
 * What the scale-out tests share: a Redis server of their own (Debian's redis-server on a free
 * port), app processes on it, a plain round-robin proxy in front of them, and the two requests
 * of Gradio's queue protocol.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

const FIXTURE = fileURLToPath(new URL("./fixtures/cluster-app.mjs", import.meta.url));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A redis-server of the test's own, without persistence. */
export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const proc = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Ready to accept connections")) resolve();
    });
    proc.once("error", (err) => reject(new Error(`redis-server could not start (apt-get install -y redis-server): ${err.message}`)));
    proc.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (proc.exitCode !== null) return;
      proc.kill();
      await once(proc, "exit");
    },
  };
}

/** One process of the app. */
export interface AppProcess {
  url: string;
  pid: number;
  proc: ChildProcess;
  output: () => string;
  /** Stops it: SIGKILL (a crash) or SIGTERM. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts one process of the fixture app on the shared queue. */
export async function startApp(redisUrl: string, prefix: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const proc = fork(FIXTURE, [], { stdio: ["ignore", "pipe", "pipe", "ipc"], env: { ...process.env, REDIS_URL: redisUrl, PREFIX: prefix, ...env } });
  let output = "";
  proc.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  proc.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const [message] = (await Promise.race([
    once(proc, "message"),
    once(proc, "exit").then(() => {
      throw new Error(`the app exited before serving:\n${output}`);
    }),
  ])) as [{ url: string; pid: number }];
  return {
    url: message.url,
    pid: message.pid,
    proc,
    output: () => output,
    kill: async (signal = "SIGKILL") => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await once(proc, "exit");
    },
  };
}

/** A plain round-robin HTTP proxy (no stickiness): each request goes to the next process. */
export async function roundRobin(targets: () => string[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const list = targets();
    const target = new URL(list[next++ % list.length]!);
    if (process.env.PROXY_LOG) console.log(req.method, req.url, "->", target.port);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

/** `POST gradio_api/queue/join`: resolves with the HTTP status and body. */
export async function join(base: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(new URL("gradio_api/queue/join", base), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Joins and expects to be queued: resolves with the event id. */
export async function joinOk(base: string, body: Record<string, unknown>): Promise<string> {
  const r = await join(base, body);
  if (r.status !== 200) throw new Error(`join answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body.event_id as string;
}

export type Message = Record<string, unknown> & { msg: string; event_id?: string | null };

/**
 * Reads a session's `gradio_api/queue/data` stream to its end (`close_stream`); `onMessage` sees
 * each message as it comes. Resolves with every message.
 */
export async function readStream(base: string, session: string, onMessage?: (m: Message) => void, signal?: AbortSignal): Promise<Message[]> {
  const res = await fetch(new URL(`gradio_api/queue/data?session_hash=${session}`, base), { signal });
  if (!res.ok) throw new Error(`queue/data answered ${res.status}: ${await res.text()}`);
  const messages: Message[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const line = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (!line.startsWith("data: ")) continue;
      const m = JSON.parse(line.slice(6)) as Message;
      messages.push(m);
      onMessage?.(m);
      if (m.msg === "close_stream") return messages;
    }
  }
  return messages;
}

/** The `process_completed` message of an event. */
export function completion(messages: Message[], eventId: string): Message {
  const m = messages.find((x) => x.msg === "process_completed" && x.event_id === eventId);
  if (!m) throw new Error(`no completion for ${eventId} in ${JSON.stringify(messages.map((x) => x.msg))}`);
  return m;
}

/** The first output value of a completion. */
export function outputOf(m: Message): unknown {
  return ((m.output as { data?: unknown[] }).data ?? [])[0];
}

let sessions = 0;
/** A fresh session hash. */
export function session(): string {
  return `s${process.pid}x${++sessions}x${Math.random().toString(36).slice(2, 10)}`;
}

/** The `fn_index` of each named endpoint of an app. */
export async function fnIndexes(base: string): Promise<Record<string, number>> {
  const config = (await (await fetch(new URL("config", base))).json()) as { dependencies: { id: number; api_name: string | null }[] };
  return Object.fromEntries(config.dependencies.filter((d) => d.api_name).map((d) => [d.api_name!, d.id]));
}
