/**
 * The sessions benchmark: sessions that come and go must leave the server's memory where it
 * started. Memory is read once the server has been idle for 12 s (VITRINE_BENCH_IDLE_MS), after
 * two forced full collections. A fresh server process (sessions-server.ts, with --expose-gc) serves an app whose
 * event keeps a 16 kB State value per session; each simulated user joins that event with a new
 * session hash, reads its result, then opens and closes the heartbeat, as a page that closes
 * does, which ends the session. After the first 100 sessions and after all of them (10,000 in
 * the full run) the server collects garbage and reports its memory; the ratio of the two is
 * the result (target: within 10 %).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** The server script, built (tests run this module from src/, next to no .js files). */
const serverScript = [join(here, "sessions-server.js"), join(here, "..", "dist", "sessions-server.js")].find((f) => existsSync(f))!;

/** How long the server is left idle before its memory is read (V8's memory reducer acts after some seconds). */
const idleMs = (): number => Number(process.env.VITRINE_BENCH_IDLE_MS ?? 12_000);

/** Memory as the server reports it after a full collection. */
export interface MemorySample {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  sessions: number;
  states: number;
}

/** The benchmark's result. */
export interface SessionsResult {
  sessions: number;
  first: { after: number; memory: MemorySample };
  /** After a tenth of the sessions (when there are at least 1,000): where V8's heap has grown to its size under this load. */
  middle: { after: number; memory: MemorySample } | null;
  last: { after: number; memory: MemorySample };
  seconds: number;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One user: joins the event in a new session, reads it to the end, then opens and closes the heartbeat. */
async function oneSession(base: string, i: number): Promise<void> {
  const hash = `bench${i.toString(36)}x${Math.random().toString(36).slice(2, 8)}`;
  await json(`${base}gradio_api/queue/join`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ data: [null], fn_index: 0, session_hash: hash }),
  });
  const stream = await fetch(`${base}gradio_api/queue/data?session_hash=${hash}`);
  const text = await stream.text();
  if (!text.includes("process_completed")) throw new Error(`session ${i}: no completion in ${text.slice(0, 200)}`);
  const controller = new AbortController();
  const heartbeat = await fetch(`${base}gradio_api/heartbeat/${hash}`, { signal: controller.signal });
  const reader = heartbeat.body!.getReader();
  await reader.read(); // the first ALIVE: the server counts the channel as open
  controller.abort();
  await reader.cancel().catch(() => undefined);
}

/** Runs `count` sessions, `parallel` at a time. */
async function runSessions(base: string, from: number, count: number, parallel: number): Promise<void> {
  let next = from;
  const end = from + count;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < end) await oneSession(base, next++);
    }),
  );
}

/** Waits until every session has ended (the server reports none alive), then samples memory. */
async function settledMemory(base: string): Promise<MemorySample> {
  const deadline = Date.now() + 30_000;
  let sample = await json<MemorySample>(`${base}__memory`);
  while ((sample.sessions > 0 || sample.states > 0) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    sample = await json<MemorySample>(`${base}__memory`);
  }
  // Then the server is left idle: V8's memory reducer returns what its heap grew under load
  // (an idle server's memory is what "where it started" means).
  await new Promise((r) => setTimeout(r, idleMs()));
  return json<MemorySample>(`${base}__memory`);
}

/** Starts the server, runs `total` sessions (the first 100 measured apart) and stops it. */
export async function measureSessions(total: number, parallel = 20): Promise<SessionsResult> {
  const child = spawn(process.execPath, ["--expose-gc", serverScript], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the sessions server exited (${code})`)));
      child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    const base = `http://127.0.0.1:${port}/`;
    const started = performance.now();
    const firstCount = Math.min(100, total);
    await runSessions(base, 0, firstCount, parallel);
    const first = await settledMemory(base);
    let middle: SessionsResult["middle"] = null;
    let done = firstCount;
    if (total >= 10 * firstCount * 2) {
      const tenth = Math.floor(total / 10);
      await runSessions(base, done, tenth - done, parallel);
      done = tenth;
      middle = { after: tenth, memory: await settledMemory(base) };
    }
    await runSessions(base, done, total - done, parallel);
    const last = await settledMemory(base);
    return { sessions: total, first: { after: firstCount, memory: first }, middle, last: { after: total, memory: last }, seconds: (performance.now() - started) / 1000 };
  } finally {
    child.kill("SIGTERM");
  }
}

const mb = (n: number) => (n / 1048576).toFixed(1);

/** The result as a markdown table. */
export function sessionsTable(r: SessionsResult): string {
  const mid = r.middle;
  const row = (name: string, pick: (m: MemorySample) => number, target: boolean) => {
    const a = pick(r.first.memory);
    const b = pick(r.last.memory);
    const ratio = b / a;
    const cells = [name, mb(a), ...(mid ? [mb(pick(mid.memory))] : []), mb(b), `${ratio.toFixed(2)}×`];
    if (mid) cells.push(`${(b / pick(mid.memory)).toFixed(2)}×`);
    cells.push(target ? "≤ 1.10×" : "", target ? (ratio <= 1.1 ? "yes" : "no") : "");
    return `| ${cells.join(" | ")} |`;
  };
  const head = [
    "memory after a full GC, MB",
    `after ${r.first.after}`,
    ...(mid ? [`after ${mid.after}`] : []),
    `after ${r.last.after}`,
    `last / ${r.first.after}`,
    ...(mid ? [`last / ${mid.after}`] : []),
    "target (last / first)",
    "met",
  ];
  const held = (m: MemorySample) => `${m.sessions} / ${m.states}`;
  return [
    `Sessions that come and go (${r.sessions} sessions, each keeping a 16 kB State value, ended by closing their heartbeat; ${r.seconds.toFixed(1)} s):`,
    "",
    `| ${head.join(" | ")} |`,
    `| --- | ${head.slice(1, -2).map(() => "---:").join(" | ")} | --- | :---: |`,
    row("RSS", (m) => m.rss, true),
    row("JS heap used (live objects)", (m) => m.heapUsed, true),
    row("JS heap reserved by V8", (m) => m.heapTotal, false),
    row("external (buffers)", (m) => m.external, false),
    `| sessions / State values still held | ${held(r.first.memory)} |${mid ? ` ${held(mid.memory)} |` : ""} ${held(r.last.memory)} | |${mid ? " |" : ""} 0 / 0 | ${r.last.memory.sessions === 0 && r.last.memory.states === 0 ? "yes" : "no"} |`,
  ].join("\n");
}
