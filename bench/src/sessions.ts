/**
 * The sessions benchmark: sessions that come and go must leave the server's memory where it
 * started. A fresh server process (sessions-server.ts, with --expose-gc) serves an app whose
 * event keeps a 16 kB State value per session; each simulated user joins that event with a new
 * session hash, reads its result, then opens and closes the heartbeat, as a page that closes
 * does, which ends the session. After the first 100 sessions and after all of them (10,000 in
 * the full run) the server collects garbage and reports its memory; the ratio of the two is
 * the result (target: within 10 %).
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Memory as the server reports it after a full collection. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
  sessions: number;
  states: number;
}

/** The benchmark's result. */
export interface SessionsResult {
  sessions: number;
  first: { after: number; memory: MemorySample };
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
  await new Promise((r) => setTimeout(r, 500));
  return json<MemorySample>(`${base}__memory`);
}

/** Starts the server, runs `total` sessions (the first 100 measured apart) and stops it. */
export async function measureSessions(total: number, parallel = 20): Promise<SessionsResult> {
  const child = spawn(process.execPath, ["--expose-gc", join(here, "sessions-server.js")], { stdio: ["ignore", "pipe", "inherit"] });
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
    await runSessions(base, firstCount, total - firstCount, parallel);
    const last = await settledMemory(base);
    return { sessions: total, first: { after: firstCount, memory: first }, last: { after: total, memory: last }, seconds: (performance.now() - started) / 1000 };
  } finally {
    child.kill("SIGTERM");
  }
}

const mb = (n: number) => (n / 1048576).toFixed(1);

/** The result as a markdown table. */
export function sessionsTable(r: SessionsResult): string {
  const row = (name: string, pick: (m: MemorySample) => number, target: string) => {
    const a = pick(r.first.memory);
    const b = pick(r.last.memory);
    const ratio = b / a;
    return `| ${name} | ${mb(a)} | ${mb(b)} | ${ratio.toFixed(2)}× | ${target} | ${target ? (ratio <= 1.1 ? "yes" : "no") : ""} |`;
  };
  return [
    `Sessions that come and go (${r.sessions} sessions, each keeping a 16 kB State value, ended by closing their heartbeat; ${r.seconds.toFixed(1)} s):`,
    "",
    `| memory after a full GC, MB | after ${r.first.after} sessions | after ${r.last.after} sessions | ratio | target | met |`,
    "| --- | ---: | ---: | ---: | --- | :---: |",
    row("RSS", (m) => m.rss, "≤ 1.10×"),
    row("JS heap used", (m) => m.heapUsed, "≤ 1.10×"),
    row("external (buffers)", (m) => m.external, ""),
    `| sessions / State values still held | ${r.first.memory.sessions} / ${r.first.memory.states} | ${r.last.memory.sessions} / ${r.last.memory.states} | | 0 / 0 | ${r.last.memory.sessions === 0 && r.last.memory.states === 0 ? "yes" : "no"} |`,
  ].join("\n");
}
