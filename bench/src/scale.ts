/**
 * The `scale` bench (issue 12): Vitrine on Redis with 1, 2 and 3 processes of the same app, side
 * by side with one in-memory process and the bare baseline, in one run. Each measurement gets
 * fresh server processes and, for `redis-N`, a fresh redis-server of its own. The load generator
 * (a process of its own, loadgen.ts) sends each user's requests to the processes in turn: an
 * event joins on one and is read (`/queue/data`) from the next, with no stickiness.
 *
 * Measured per configuration: echo-1, echo-50 and echo-paced (events/s, latency p50/p99) and stream-250 (completion,
 * tokens received against expected, failed calls), with the CPU of **every** server process and
 * of the redis-server together, per event or per streamed message.
 */
import type { LoadResult, Scenario } from "./loadgen.js";
import { deadlineOf, runLoad } from "./load-runner.js";
import { cpuTime, machineBusy, peakRss, rss } from "./proc.js";
import { SCALE_CONFIGS, shape, startCluster, type ScaleConfig, type ServerProcess } from "./scale-cluster.js";
import { startRedis, type RedisProcess } from "./scale-redis.js";

/**
 * The load scenarios of the `scale` bench, the same as the main bench's of those names: `echo-1`
 * shows the latency Redis adds to a call on idle processes, `echo-50` the cost at saturation (where
 * Redis operations of many events share one script call), `echo-paced` the cost at a fixed load
 * below every configuration's saturation (the same events per second everywhere, fewer per call).
 */
export type ScaleScenario = Scenario & { name: "echo-1" | "echo-50" | "echo-paced" | "stream-250" };

/** What one `scale` run does. */
export interface ScaleOptions {
  scenarios: ScaleScenario[];
  configs: readonly ScaleConfig[];
  /** Runs of each scenario × configuration; the table shows the best of each. */
  repeat: number;
  /** Milliseconds the processes idle after starting, before the idle RSS is read and the load starts. */
  settleMs: number;
}

/** The full `scale` run, or the `--quick` one. */
export function scaleOptions(quick: boolean, repeat = 1): ScaleOptions {
  const scenarios: ScaleScenario[] = quick
    ? [
        { kind: "echo", name: "echo-1", users: 1, warmup: 0.5, duration: 2 },
        { kind: "echo", name: "echo-50", users: 50, warmup: 0.5, duration: 3 },
        { kind: "echo", name: "echo-paced", users: 50, warmup: 0.5, duration: 3, pace: 1000 },
        { kind: "stream", name: "stream-250", users: 50, tokens: 100, rate: 100, warmupUsers: 20, warmupTokens: 20 },
      ]
    : [
        { kind: "echo", name: "echo-1", users: 1, warmup: 1, duration: 5 },
        { kind: "echo", name: "echo-50", users: 50, warmup: 2, duration: 15 },
        { kind: "echo", name: "echo-paced", users: 50, warmup: 2, duration: 10, pace: 2000 },
        { kind: "stream", name: "stream-250", users: 250, tokens: 500, rate: 100, warmupUsers: 50, warmupTokens: 100 },
      ];
  return { scenarios, configs: SCALE_CONFIGS, repeat, settleMs: 1000 };
}

/** One scenario against one configuration. */
export interface ScaleLine {
  scenario: ScaleScenario["name"];
  config: ScaleConfig;
  run: number;
  params: ScaleScenario;
  result: LoadResult;
  /** Server processes (Redis not counted). */
  processes: number;
  /** CPU seconds in the measured window: each server process, Redis, and all of them together. */
  cpu: { servers: (number | null)[]; redis: number | null; total: number | null };
  /** Measured window as the orchestrator saw it, s. */
  wall: number;
  /** Every server process's and Redis's CPU per echo event or streamed message, µs. */
  cpuUsPerUnit: number | null;
  /** Redis's share of that, µs. */
  redisCpuUsPerUnit: number | null;
  /** All of them together, % of one core. */
  cpuPercent: number | null;
  /** CPU used by everything else (not the servers, Redis or the load generator), % of one core: noise. */
  otherCpuPercent: number | null;
  /** Sum over the server processes (and Redis) of their idle RSS before the load, and of their peak RSS. */
  idleRssMb: number | null;
  peakRssMb: number | null;
}

/** The whole `scale` run. */
export interface ScaleResult {
  lines: ScaleLine[];
}

/** Hooks the orchestrator lends: waiting for a quiet machine, progress, where profiles go. */
export interface ScaleHooks {
  /** Called before each measurement (main.ts waits until other processes are quiet). */
  beforeMeasure?: () => Promise<unknown>;
  /** Each measurement's line, as soon as it is known. */
  onLine?: (line: ScaleLine) => void;
  log?: (text: string) => void;
  /** A folder for a V8 CPU profile of every Vitrine process (`--cpu-prof`). */
  cpuProfDir?: string | null;
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** CPU seconds of each process now (null for one that is gone). */
const cpuOf = (pids: number[]) => pids.map((pid) => cpuTime(pid));

/** One scenario against one configuration, on fresh processes (and a fresh Redis). */
export async function measureScale(config: ScaleConfig, scenario: ScaleScenario, run: number, options: ScaleOptions, hooks: ScaleHooks = {}): Promise<ScaleLine> {
  const { redis: needsRedis } = shape(config);
  const spec = scenario.kind === "stream" ? { tokens: scenario.tokens, rate: scenario.rate } : { tokens: 5, rate: 100 };
  let redis: RedisProcess | null = null;
  let servers: ServerProcess[] = [];
  try {
    if (needsRedis) redis = await startRedis();
    const cpuProf = hooks.cpuProfDir && config !== "baseline" ? { dir: hooks.cpuProfDir, name: `${config}-${scenario.name}-run${run + 1}` } : null;
    servers = await startCluster({ config, ...spec, lifetime: deadlineOf(scenario) + 60, redisUrl: redis?.url ?? null, cpuProf });
    await sleep(options.settleMs);
    const pids = servers.map((s) => s.pid);
    const all = redis ? [...pids, redis.pid] : pids;
    const idle = all.map((pid) => rss(pid) ?? 0).reduce((a, b) => a + b, 0);
    const edges: { start?: Sample; end?: Sample } = {};
    const sample = (): Sample => ({ cpu: cpuOf(all), busy: machineBusy(), wall: performance.now() });
    const result = await runLoad(
      servers.map((s) => s.port),
      scenario,
      scenario.kind,
      (phase) => (phase === "measure-start" ? (edges.start = sample()) : (edges.end = sample())),
    );
    const peak = all.map((pid) => peakRss(pid) ?? 0).reduce((a, b) => a + b, 0);
    return summarizeLine(config, scenario, run, servers.length, redis !== null, result, edges.start ?? null, edges.end ?? null, idle, peak);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.stop();
  }
}

type Sample = { cpu: (number | null)[]; busy: number | null; wall: number };

function summarizeLine(
  config: ScaleConfig,
  scenario: ScaleScenario,
  run: number,
  processes: number,
  withRedis: boolean,
  result: LoadResult,
  start: Sample | null,
  end: Sample | null,
  idle: number,
  peak: number,
): ScaleLine {
  const used = start && end ? end.cpu.map((c, i) => (c === null || start!.cpu[i] === null ? null : c - start!.cpu[i]!)) : [];
  const servers = used.slice(0, processes);
  const redis = withRedis ? (used[processes] ?? null) : null;
  const total = used.length && used.every((c) => c !== null) ? used.reduce((a, b) => a! + b!, 0)! : null;
  const wall = start && end ? (end.wall - start.wall) / 1000 : 0;
  const work = result.kind === "echo" ? result.events : result.messages;
  const busy = start?.busy != null && end?.busy != null ? end.busy - start.busy : null;
  const other = busy === null || total === null || wall <= 0 ? null : Math.max(0, (busy - total - result.clientCpu) / wall);
  const us = (seconds: number | null) => (seconds === null || work === 0 ? null : Math.round((seconds / work) * 1e7) / 10);
  const round3 = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  return {
    scenario: scenario.name,
    config,
    run,
    params: scenario,
    result,
    processes,
    cpu: { servers: servers.map(round3), redis: round3(redis), total: round3(total) },
    wall: Math.round(wall * 1000) / 1000,
    cpuUsPerUnit: us(total),
    redisCpuUsPerUnit: us(redis),
    cpuPercent: total === null || wall <= 0 ? null : Math.round((total / wall) * 1000) / 10,
    otherCpuPercent: other === null ? null : Math.round(other * 1000) / 10,
    idleRssMb: idle ? mb(idle) : null,
    peakRssMb: peak ? mb(peak) : null,
  };
}

/**
 * Every scenario against every configuration, `repeat` times, alternating the configurations'
 * order from one run to the next (so that a slow drift of the machine favours none).
 */
export async function runScale(options: ScaleOptions, hooks: ScaleHooks = {}): Promise<ScaleResult> {
  const lines: ScaleLine[] = [];
  for (const scenario of options.scenarios) {
    for (let run = 0; run < options.repeat; run++) {
      const order = run % 2 === 0 ? options.configs : [...options.configs].reverse();
      for (const config of order) {
        hooks.log?.(`# scale: ${scenario.name} on ${config}${options.repeat > 1 ? ` (run ${run + 1}/${options.repeat})` : ""}…`);
        await hooks.beforeMeasure?.();
        const line = await measureScale(config, scenario, run, options, hooks);
        lines.push(line);
        hooks.onLine?.(line);
      }
    }
  }
  return { lines };
}
