/**
 * The soak benchmark (issue 12): the server under long and hostile loads, each part in a fresh
 * server process (soak-server.ts, run with --expose-gc), driven from this process over the
 * load generator's HTTP/1.1 client (one session and one keep-alive connection per user).
 *
 * - **streams** (`soak-streams`): 1,000 sessions join `/stream` at once, each a generator of N
 *   tokens, read through `/queue/join` + `/queue/data` (sse_v3) and checked as strictly as the
 *   bench's other streams; the tokens the server's generators yielded are compared with the tokens
 *   the clients rebuilt: the difference is the events lost.
 * - **events** (`soak-100k`): 100,000 `/echo` events through one process by 50 users back to
 *   back. After a warm-up (so the JIT has compiled the hot path), the latency of the first 1,000
 *   events and of the last 1,000 (in completion order), and the server's memory after each of
 *   them (RSS and live heap, read as is and after two forced collections): flat means ratios near 1.
 * - **faults** (`soak-faults`): normal `/echo` users measured alone, then again while other users
 *   call a function that throws, one that hangs (it never settles and ignores its abort signal;
 *   the client cancels it) and a generator that is cancelled mid-stream. Vitrine's `time_limit`
 *   applies to `stream` events only (as Gradio's does), so the hung call is ended by a cancel.
 *   The three keep Gradio's default concurrency limit of 1: a slot not given back would leave
 *   their later calls stuck. Result: the normal calls' latency with faults / without (ratio).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runEcho } from "./loadgen.js";
import { endpoints, makeTarget, makeUser, runEvent, type Target } from "./protocol-client.js";
import { cpuTime, rss } from "./proc.js";
import { runFaultCall, type CancelWhen, type FaultOutcome } from "./soak-client.js";
import { summarize, type Summary } from "./stats.js";
import { countTokens, expectedText } from "./tokens.js";

const here = dirname(fileURLToPath(import.meta.url));
/** The server script, built (tests run this module from src/, next to no .js files). */
const serverScript = [join(here, "soak-server.js"), join(here, "..", "dist", "soak-server.js")].find((f) => existsSync(f))!;

/** The message of the soak server's throwing function (soak-server.ts). */
const THROWN = "soak: this function always throws";

/** The names of the soak's parts, as `--only` takes them (`soak` runs all three). */
export const SOAK_PARTS = ["soak-streams", "soak-100k", "soak-faults"] as const;
export type SoakPart = (typeof SOAK_PARTS)[number];

/** Sizes of the three parts. */
export interface SoakOptions {
  streams: { users: number; tokens: number; rate: number };
  events: { total: number; warmup: number; window: number; users: number };
  /** `pauseMs`: each faulty user's pause between two calls. */
  faults: { users: number; warmup: number; duration: number; perKind: number; pauseMs: number };
}

/** The full soak, or the `--quick` one. */
export function soakOptions(quick: boolean): SoakOptions {
  return quick
    ? { streams: { users: 200, tokens: 20, rate: 20 }, events: { total: 10_000, warmup: 1000, window: 1000, users: 50 }, faults: { users: 20, warmup: 0.5, duration: 3, perKind: 2, pauseMs: 20 } }
    : { streams: { users: 1000, tokens: 200, rate: 20 }, events: { total: 100_000, warmup: 5000, window: 1000, users: 50 }, faults: { users: 20, warmup: 2, duration: 10, perKind: 2, pauseMs: 20 } };
}

/** Server memory and counters, as `GET /__soak` answers. */
interface SoakState {
  memory: NodeJS.MemoryUsage;
  counters: { tokensYielded: number; streamsStarted: number; streamsEnded: number; hangsStarted: number; slowStarted: number; slowStopped: number; thrown: number };
}

/** A server's memory at one point: as is, then after two forced collections. */
export interface MemoryPoint {
  rss: number;
  heapUsed: number;
  rssAfterGc: number;
  heapUsedAfterGc: number;
}

export interface StreamsResult {
  users: number;
  tokens: number;
  rate: number;
  /** Streams that ended with `process_completed` then `close_stream`, text checked. */
  completed: number;
  tokensYielded: number;
  tokensReceived: number;
  tokensExpected: number;
  /** Tokens the generators yielded that no client received. */
  lost: number;
  /** `process_generating` messages received, all sessions. */
  messages: number;
  wrongText: number;
  errors: Record<string, number>;
  completion: Summary;
  ttft: Summary;
  seconds: number;
  serverCpuSeconds: number | null;
  peakRss: number;
}

export interface EventsResult {
  total: number;
  users: number;
  warmup: number;
  window: number;
  /** Events completed and checked (the input came back), warm-up included. */
  ok: number;
  errors: Record<string, number>;
  first: { latency: Summary; perSecond: number; memory: MemoryPoint };
  last: { latency: Summary; perSecond: number; memory: MemoryPoint };
  seconds: number;
  peakRss: number;
}

export interface FaultsResult {
  users: number;
  duration: number;
  perKind: number;
  pauseMs: number;
  /** The normal calls in each phase: alone first, then beside faulty calls of the kinds named. */
  phases: { name: string; kinds: string[]; latency: Summary; throughput: number; errors: number }[];
  /** Faulty calls by kind, all phases: how each ended. */
  calls: Record<"boom" | "hang" | "slow", Record<FaultOutcome, number> & { failures: number }>;
  /** What the server's functions did (hung functions never settle: they ignore their signal). */
  counters: SoakState["counters"];
}

export interface SoakResult {
  streams: StreamsResult | null;
  events: EventsResult | null;
  faults: FaultsResult | null;
}

/** A running soak server. */
interface SoakServer {
  pid: number;
  target: Target;
  fns: Map<string, number>;
  state(gc?: boolean): Promise<SoakState>;
  memoryPoint(): Promise<MemoryPoint>;
  stop(): Promise<void>;
}

async function startServer(rate: number, controller: AbortController): Promise<SoakServer> {
  const child = spawn(process.execPath, ["--expose-gc", serverScript, "--rate", String(rate)], { stdio: ["ignore", "pipe", "pipe"] });
  // The server logs every failed call with its stack: the thousands of intended throws are left out.
  child.stderr!.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (!text.includes(THROWN)) process.stderr.write(text);
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the soak server exited (${code})`)));
    child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  const target = makeTarget(port, controller.signal);
  const state = async (gc = false): Promise<SoakState> => {
    const res = await fetch(`http://127.0.0.1:${port}/__soak${gc ? "?gc=1" : ""}`);
    return (await res.json()) as SoakState;
  };
  return {
    pid: child.pid!,
    target,
    fns: await endpoints(target),
    state,
    memoryPoint: async () => {
      const plain = (await state()).memory;
      const collected = (await state(true)).memory;
      return { rss: plain.rss, heapUsed: plain.heapUsed, rssAfterGc: collected.rss, heapUsedAfterGc: collected.heapUsed };
    },
    stop: async () => {
      child.kill("SIGTERM");
      const killed = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Samples a process's RSS every `ms` until stopped; returns the peak. */
function rssSampler(pid: number, ms = 250): () => number {
  let peak = rss(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss(pid) ?? 0);
  }, ms);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rss(pid) ?? 0);
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tally(errors: Record<string, number>, reason: string): void {
  const key = reason.replace(/[0-9a-f]{32}/g, "<id>").slice(0, 120);
  errors[key] = (errors[key] ?? 0) + 1;
}

function fnOf(server: SoakServer, name: string): number {
  const fn = server.fns.get(name);
  if (fn === undefined) throw new Error(`the soak server has no /${name}`);
  return fn;
}

/** Part 1: `users` sessions streaming at once; tokens yielded vs received. */
export async function soakStreams(o: SoakOptions["streams"], deadlineMs = 600_000): Promise<StreamsResult> {
  const controller = new AbortController();
  const server = await startServer(o.rate, controller);
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  try {
    const fn = fnOf(server, "stream");
    // A short warm-up stream, so the first sessions do not pay for the JIT alone.
    const warm = Array.from({ length: 10 }, () => makeUser(server.target));
    await Promise.all(warm.map((u) => runEvent(u, fn, "5")));
    for (const u of warm) u.connection.close();
    const before = (await server.state()).counters.tokensYielded;
    const peak = rssSampler(server.pid);
    const cpu0 = cpuTime(server.pid);
    const started = performance.now();
    const users = Array.from({ length: o.users }, () => makeUser(server.target));
    const results = await Promise.all(users.map((u) => runEvent(u, fn, String(o.tokens))));
    const seconds = (performance.now() - started) / 1000;
    const cpu1 = cpuTime(server.pid);
    for (const u of users) u.connection.close();
    const peakRss = peak();
    const after = await server.state();
    const expected = expectedText(o.tokens);
    const errors: Record<string, number> = {};
    const completion: number[] = [];
    const ttft: number[] = [];
    let tokensReceived = 0;
    let messages = 0;
    let wrongText = 0;
    for (const r of results) {
      tokensReceived += countTokens(r.streamed);
      messages += r.generating;
      if (r.firstOutput !== null) ttft.push(r.firstOutput - r.start);
      if (r.error) tally(errors, r.error);
      else {
        completion.push(r.completed! - r.start);
        if (r.streamed !== expected || r.final !== expected) wrongText++;
      }
    }
    const tokensYielded = after.counters.tokensYielded - before;
    return {
      ...o,
      completed: completion.length,
      tokensYielded,
      tokensReceived,
      tokensExpected: o.users * o.tokens,
      lost: tokensYielded - tokensReceived,
      messages,
      wrongText,
      errors,
      completion: summarize(completion),
      ttft: summarize(ttft),
      seconds,
      serverCpuSeconds: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null,
      peakRss,
    };
  } finally {
    clearTimeout(timer);
    await server.stop();
  }
}

/** Part 2: `total` echo events through one process; the first and last windows compared. */
export async function soakEvents(o: SoakOptions["events"], deadlineMs = 900_000): Promise<EventsResult> {
  const controller = new AbortController();
  const server = await startServer(20, controller);
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  try {
    const fn = fnOf(server, "echo");
    const all = o.warmup + o.total;
    /** Latency of each event, in completion order, and when it completed. */
    const latencies = new Float64Array(all);
    const completedAt = new Float64Array(all);
    const errors: Record<string, number> = {};
    let issued = 0;
    let done = 0;
    let ok = 0;
    let firstMemory: Promise<MemoryPoint> | null = null;
    const firstEnd = o.warmup + o.window;
    const peak = rssSampler(server.pid, 500);
    const started = performance.now();
    const user = async (u: number): Promise<void> => {
      const client = makeUser(server.target);
      while (issued < all && !controller.signal.aborted) {
        const n = issued++;
        const input = `soak ${u}.${n}`;
        const r = await runEvent(client, fn, input);
        const index = done++;
        completedAt[index] = performance.now();
        if (r.error) tally(errors, r.error);
        else if (r.final !== input) tally(errors, "wrong value");
        else ok++;
        latencies[index] = r.completed !== null ? r.completed - r.start : NaN;
        // The server's memory once the first window is through (the load goes on meanwhile).
        if (done === firstEnd) firstMemory = server.memoryPoint();
      }
      client.connection.close();
    };
    await Promise.all(Array.from({ length: o.users }, (_, u) => user(u)));
    const seconds = (performance.now() - started) / 1000;
    const lastMemory = await server.memoryPoint();
    const window = (from: number, to: number) => {
      const values = Array.from(latencies.subarray(from, to)).filter((v) => Number.isFinite(v));
      const span = (completedAt[to - 1]! - completedAt[from]!) / 1000;
      return { latency: summarize(values), perSecond: span > 0 ? Math.round(((to - from - 1) / span) * 10) / 10 : 0 };
    };
    if (!firstMemory) throw new Error(`soak-100k: only ${done} of ${all} events completed`);
    return {
      total: o.total,
      users: o.users,
      warmup: o.warmup,
      window: o.window,
      ok,
      errors,
      first: { ...window(o.warmup, firstEnd), memory: await (firstMemory as Promise<MemoryPoint>) },
      last: { ...window(all - o.window, all), memory: lastMemory },
      seconds,
      peakRss: peak(),
    };
  } finally {
    clearTimeout(timer);
    await server.stop();
  }
}

type FaultKind = "boom" | "hang" | "slow";

/** How each kind of faulty call is made: `/hang` is cancelled 100 ms after it starts, `/slow` after 3 messages. */
const FAULTS: Record<FaultKind, CancelWhen | null> = { boom: null, hang: { afterStartMs: 100 }, slow: { afterGenerating: 3 } };

/** The phases of part 3: normal calls alone, beside each kind of faulty call, then beside all three. */
const FAULT_PHASES: { name: string; kinds: FaultKind[] }[] = [
  { name: "alone", kinds: [] },
  { name: "with throws", kinds: ["boom"] },
  { name: "with hangs", kinds: ["hang"] },
  { name: "with cancels", kinds: ["slow"] },
  { name: "with all three", kinds: ["boom", "hang", "slow"] },
];

/** Part 3: normal calls' latency alone, then among failing, hung and cancelled calls. */
export async function soakFaults(o: SoakOptions["faults"]): Promise<FaultsResult> {
  const controller = new AbortController();
  const server = await startServer(20, controller);
  const timer = setTimeout(() => controller.abort(), (o.warmup + o.duration) * 1000 * FAULT_PHASES.length * 2 + 120_000);
  try {
    const echo = fnOf(server, "echo");
    const scenario = { kind: "echo" as const, name: "soak-faults", users: o.users, warmup: o.warmup, duration: o.duration };
    const calls = Object.fromEntries((Object.keys(FAULTS) as FaultKind[]).map((k) => [k, { error: 0, completed: 0, stuck: 0, failures: 0 }])) as FaultsResult["calls"];
    const phases: FaultsResult["phases"] = [];
    for (const phase of FAULT_PHASES) {
      let stop = false;
      const faultUser = async (kind: FaultKind): Promise<void> => {
        const fn = fnOf(server, kind);
        while (!stop && !controller.signal.aborted) {
          const user = makeUser(server.target);
          const r = await runFaultCall(server.target, user, fn, FAULTS[kind], 30_000);
          user.connection.close();
          calls[kind][r.outcome]++;
          if (r.failure) calls[kind].failures++;
          // Paced: the faulty calls add little load, so the ratio shows blocking, not extra work.
          await sleep(o.pauseMs);
        }
      };
      const faults = phase.kinds.flatMap((k) => Array.from({ length: o.perKind }, () => faultUser(k)));
      const normal = await runEcho(server.target, echo, scenario, () => undefined);
      stop = true;
      await Promise.all(faults);
      const errors = Object.values(normal.errors).reduce((a, b) => a + b, 0) + normal.wrong;
      phases.push({ name: phase.name, kinds: phase.kinds, latency: normal.latency, throughput: normal.throughput, errors });
    }
    return { users: o.users, duration: o.duration, perKind: o.perKind, pauseMs: o.pauseMs, phases, calls, counters: (await server.state()).counters };
  } finally {
    clearTimeout(timer);
    await server.stop();
  }
}

/** Runs the parts asked for (all by default). */
export async function measureSoak(options: SoakOptions, parts: readonly SoakPart[] = SOAK_PARTS, log: (line: string) => void = () => undefined): Promise<SoakResult> {
  const result: SoakResult = { streams: null, events: null, faults: null };
  if (parts.includes("soak-streams")) {
    log(`# soak-streams: ${options.streams.users} sessions × ${options.streams.tokens} tokens at ${options.streams.rate}/s…`);
    result.streams = await soakStreams(options.streams);
  }
  if (parts.includes("soak-100k")) {
    log(`# soak-100k: ${options.events.total} echo events (+${options.events.warmup} warm-up) by ${options.events.users} users…`);
    result.events = await soakEvents(options.events);
  }
  if (parts.includes("soak-faults")) {
    log(`# soak-faults: ${options.faults.users} echo users, ${options.faults.duration} s without then with failing, hung and cancelled calls…`);
    result.faults = await soakFaults(options.faults);
  }
  return result;
}

const mb = (n: number) => (n / 1048576).toFixed(1);
const ms = (v: number | null) => (v === null ? "—" : v < 10 ? v.toFixed(2) : v.toFixed(1));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? "—" : `${(a / b).toFixed(2)}×`);
const errorsText = (e: Record<string, number>) => {
  const entries = Object.entries(e);
  return entries.length ? entries.map(([k, v]) => `${v}× ${k}`).join("; ") : "none";
};

/** The result as markdown tables. */
export function soakTable(r: SoakResult): string {
  const out: string[] = [];
  const s = r.streams;
  if (s) {
    out.push(
      `Soak, streams: ${s.users} sessions at once, each streaming ${s.tokens} tokens at ${s.rate} tokens/s (ideal ${((s.tokens / s.rate) * 1000).toFixed(0)} ms), ${s.seconds.toFixed(1)} s in all:`,
      "",
      "| metric | value | target | met |",
      "| --- | ---: | --- | :---: |",
      `| tokens yielded by the server / received by the clients | ${s.tokensYielded} / ${s.tokensReceived} (expected ${s.tokensExpected}) | | |`,
      `| events lost (yielded − received) | ${s.lost} | 0 | ${s.lost === 0 && s.tokensReceived === s.tokensExpected ? "yes" : "no"} |`,
      `| streams completed and checked | ${s.completed} / ${s.users} (wrong text: ${s.wrongText}) | all | ${s.completed === s.users && s.wrongText === 0 ? "yes" : "no"} |`,
      `| \`process_generating\` messages received | ${s.messages} | | |`,
      `| completion p50 / p99, ms | ${ms(s.completion.p50)} / ${ms(s.completion.p99)} | | |`,
      `| time to first token p50 / p99, ms | ${ms(s.ttft.p50)} / ${ms(s.ttft.p99)} | | |`,
      `| server CPU, s (% of one core) | ${s.serverCpuSeconds?.toFixed(2) ?? "—"} (${s.serverCpuSeconds === null ? "—" : ((s.serverCpuSeconds / s.seconds) * 100).toFixed(0)} %) | | |`,
      `| server peak RSS, MB | ${mb(s.peakRss)} | | |`,
      `| errors | ${errorsText(s.errors)} | | |`,
      "",
    );
  }
  const e = r.events;
  if (e) {
    const f = e.first;
    const l = e.last;
    out.push(
      `Soak, events: ${e.total} \`/echo\` events through one process (${e.users} users back to back, after ${e.warmup} warm-up events), ${e.seconds.toFixed(1)} s; the first ${e.window} against the last ${e.window}:`,
      "",
      `| metric | first ${e.window} | last ${e.window} | last / first |`,
      "| --- | ---: | ---: | ---: |",
      `| latency p50, ms | ${ms(f.latency.p50)} | ${ms(l.latency.p50)} | ${ratio(l.latency.p50, f.latency.p50)} |`,
      `| latency p99, ms | ${ms(f.latency.p99)} | ${ms(l.latency.p99)} | ${ratio(l.latency.p99, f.latency.p99)} |`,
      `| events/s | ${f.perSecond} | ${l.perSecond} | ${ratio(l.perSecond, f.perSecond)} |`,
      `| server RSS, MB | ${mb(f.memory.rss)} | ${mb(l.memory.rss)} | ${ratio(l.memory.rss, f.memory.rss)} |`,
      `| server JS heap used, MB | ${mb(f.memory.heapUsed)} | ${mb(l.memory.heapUsed)} | ${ratio(l.memory.heapUsed, f.memory.heapUsed)} |`,
      `| server RSS after 2 forced GCs, MB | ${mb(f.memory.rssAfterGc)} | ${mb(l.memory.rssAfterGc)} | ${ratio(l.memory.rssAfterGc, f.memory.rssAfterGc)} |`,
      `| server live heap after 2 forced GCs, MB | ${mb(f.memory.heapUsedAfterGc)} | ${mb(l.memory.heapUsedAfterGc)} | ${ratio(l.memory.heapUsedAfterGc, f.memory.heapUsedAfterGc)} |`,
      "",
      `Events that came back checked: ${e.ok} of ${e.warmup + e.total}; errors: ${errorsText(e.errors)}; server peak RSS ${mb(e.peakRss)} MB.`,
      "",
    );
  }
  const x = r.faults;
  if (x) {
    const c = x.counters;
    const alone = x.phases[0]!;
    const calls = (k: "boom" | "hang" | "slow") => {
      const v = x.calls[k];
      return `${v.error} error, ${v.completed} completed, ${v.stuck} stuck${v.failures ? `, ${v.failures} transport failures` : ""}`;
    };
    out.push(
      `Soak, faults: ${x.users} users calling \`/echo\` back to back for ${x.duration} s per phase, alone, then beside ${x.perKind} users per kind (each pausing ${x.pauseMs} ms between calls) calling a function that throws, ` +
        "one that hangs (cancelled 100 ms after it starts) and a generator cancelled after 3 messages (each of the three keeps the default concurrency limit of 1):",
      "",
      "| normal calls | latency p50, ms | p99, ms | events/s | failed | p50 / alone | p99 / alone | events/s / alone |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...x.phases.map(
        (p) =>
          `| ${p.name} | ${ms(p.latency.p50)} | ${ms(p.latency.p99)} | ${p.throughput} | ${p.errors} | ${ratio(p.latency.p50, alone.latency.p50)} | ${ratio(p.latency.p99, alone.latency.p99)} | ${ratio(p.throughput, alone.throughput)} |`,
      ),
      "",
      `Faulty calls: throws ${calls("boom")}; hangs ${calls("hang")}; cancelled generators ${calls("slow")}. ` +
        `Server side: ${c.thrown} throws, ${c.hangsStarted} hung calls started (they never settle: a promise cannot be stopped, and this one ignores its signal), ` +
        `${c.slowStarted} cancellable generators started and ${c.slowStopped} stopped.`,
      "",
    );
  }
  return out.join("\n");
}
