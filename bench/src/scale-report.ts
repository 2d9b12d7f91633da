/**
 * The `scale` bench's table: one column per configuration (baseline, memory, redis-1/2/3), the
 * figures of each configuration's best run, their ratios to `memory` and to `baseline`, and
 * issue 12's targets for Redis: p50 latency at most 1 ms above the in-memory process's, CPU per
 * call (every process and Redis together) at most 1.5× its, and no event lost.
 */
import { SCALE_CONFIGS, type ScaleConfig } from "./scale-cluster.js";
import type { ScaleLine, ScaleResult } from "./scale.js";
import { median } from "./stats.js";

/** Issue 12's targets for the Redis configurations. */
export const SCALE_TARGETS = { p50DeltaMs: 1, cpuRatio: 1.5 } as const;

/** The run to show: the best by the scenario's main metric (the least disturbed). */
function best(lines: ScaleLine[]): ScaleLine | undefined {
  const score = (l: ScaleLine) => (l.result.kind === "echo" ? -l.result.throughput : (l.result.completion.mean ?? Infinity));
  return [...lines].sort((a, b) => score(a) - score(b))[0];
}

const fmt = (v: number | null | undefined, digits = 2): string =>
  v === null || v === undefined ? "—" : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(digits);
const times = (v: number | null) => (v === null ? "—" : `${v.toFixed(2)}×`);
const signed = (v: number | null) => (v === null ? "—" : `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(2)}`);
const mark = (ok: boolean) => (ok ? "yes" : "**NO**");

/** Failed or wrong calls in a load result. */
export function failedCalls(l: ScaleLine): number {
  const errors = Object.values(l.result.errors).reduce((a, b) => a + b, 0);
  return errors + (l.result.kind === "echo" ? l.result.wrong : l.result.wrongText);
}

/**
 * Events lost: echo calls that did not come back with their input; for streams, tokens the
 * server's generators were due to yield that no client received (plus failed streams).
 */
export function eventsLost(l: ScaleLine): number {
  if (l.result.kind === "echo") return failedCalls(l);
  return l.result.tokensExpected - l.result.tokensReceived + failedCalls(l);
}

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : a / b);

/**
 * The median over runs of a configuration's CPU per unit divided by `memory`'s in the same run.
 * The configurations of one run are measured one after the other, so a pair shares the machine's
 * state of the moment: on a machine whose speed drifts, this ratio is steadier than best / best.
 */
export function pairedCpuRatio(lines: ScaleLine[], config: ScaleConfig, scenario: ScaleLine["scenario"]): number | null {
  const of = (c: ScaleConfig) => new Map(lines.filter((l) => l.scenario === scenario && l.config === c).map((l) => [l.run, l.cpuUsPerUnit]));
  const memory = of("memory");
  const ratios: number[] = [];
  for (const [run, cpu] of of(config)) {
    const r = ratio(cpu, memory.get(run));
    if (r !== null) ratios.push(r);
  }
  return median(ratios);
}

/** One scenario's table. */
function scenarioTable(name: ScaleLine["scenario"], lines: ScaleLine[], configs: ScaleConfig[]): string {
  const pick = new Map(configs.map((c) => [c, best(lines.filter((l) => l.scenario === name && l.config === c))]));
  const shown = configs.filter((c) => pick.get(c));
  if (!shown.length) return "";
  const params = pick.get(shown[0]!)!.params;
  const runs = Math.max(...lines.filter((l) => l.scenario === name).map((l) => l.run)) + 1;
  const memory = pick.get("memory");
  const baseline = pick.get("baseline");
  const isRedis = (c: ScaleConfig) => c.startsWith("redis-");
  const title =
    params.kind === "echo"
      ? `${name}: ${params.users} user${params.users > 1 ? "s" : ""} calling /echo ${params.pace ? `at ${params.pace} events/s in all` : "back to back"}, ${params.duration} s measured`
      : `${name}: ${params.users} users × ${params.tokens} tokens at ${params.rate}/s (ideal ${(params.tokens / params.rate) * 1000} ms)`;
  const out = [
    `| ${title}${runs > 1 ? `, best of ${runs}` : ""} | ${shown.join(" | ")} | target (Redis) |`,
    `| --- | ${shown.map(() => "---:").join(" | ")} | --- |`,
  ];
  /** A row of figures; `check` marks each Redis column against the target. */
  const row = (metric: string, f: (l: ScaleLine) => string, target = "", check?: (l: ScaleLine) => boolean | null) => {
    const cells = shown.map((c) => {
      const l = pick.get(c)!;
      const text = f(l);
      const ok = check && isRedis(c) ? check(l) : null;
      return ok === null ? text : `${text} ${mark(ok)}`;
    });
    out.push(`| ${metric} | ${cells.join(" | ")} | ${target} |`);
  };
  const cpu = (l: ScaleLine) => l.cpuUsPerUnit;
  const unit = params.kind === "echo" ? "event" : "streamed message";
  const cpuRatio = (l: ScaleLine) => ratio(cpu(l), memory ? cpu(memory) : null);
  if (params.kind === "echo") {
    const echo = (l: ScaleLine) => (l.result.kind === "echo" ? l.result : null);
    const p50 = (l: ScaleLine) => echo(l)?.latency.p50 ?? null;
    const delta = (l: ScaleLine) => (memory && p50(l) !== null && p50(memory) !== null ? p50(l)! - p50(memory)! : null);
    row("throughput, events/s", (l) => fmt(echo(l)?.throughput));
    row("latency p50, ms", (l) => fmt(p50(l)));
    row("latency p99, ms", (l) => fmt(echo(l)?.latency.p99));
    row("p50 − memory's p50, ms", (l) => signed(delta(l)), `≤ +${SCALE_TARGETS.p50DeltaMs} ms`, (l) => (delta(l) === null ? null : delta(l)! <= SCALE_TARGETS.p50DeltaMs));
    row("throughput / memory", (l) => times(ratio(echo(l)?.throughput, memory ? echo(memory)?.throughput : null)));
    row("throughput / baseline", (l) => times(ratio(echo(l)?.throughput, baseline ? echo(baseline)?.throughput : null)));
  } else {
    const st = (l: ScaleLine) => (l.result.kind === "stream" ? l.result : null);
    const mean = (l: ScaleLine) => st(l)?.completion.mean ?? null;
    row("completion mean, ms", (l) => fmt(mean(l)));
    row("completion p99, ms", (l) => fmt(st(l)?.completion.p99));
    row("completion mean − memory's, ms", (l) => signed(memory && mean(l) !== null && mean(memory) !== null ? mean(l)! - mean(memory)! : null));
    row("completion mean / baseline", (l) => times(ratio(mean(l), baseline ? mean(baseline) : null)));
    row("time to first token mean / p99, ms", (l) => `${fmt(st(l)?.ttft.mean)} / ${fmt(st(l)?.ttft.p99)}`);
    row("tokens received / expected", (l) => `${st(l)?.tokensReceived ?? "—"} / ${st(l)?.tokensExpected ?? "—"}`);
    row("failed or wrong streams", (l) => String(failedCalls(l)));
  }
  row(`server CPU per ${unit}, µs (all processes + Redis)`, (l) => fmt(cpu(l)));
  row("… of which redis-server, µs", (l) => (isRedis(l.config) ? fmt(l.redisCpuUsPerUnit) : "—"));
  row(`CPU per ${unit} / memory`, (l) => times(cpuRatio(l)), `≤ ${SCALE_TARGETS.cpuRatio}×`, (l) => (cpuRatio(l) === null ? null : cpuRatio(l)! <= SCALE_TARGETS.cpuRatio));
  if (runs > 1) {
    const paired = (l: ScaleLine) => pairedCpuRatio(lines, l.config, name);
    row(`… median over the ${runs} runs of each run's ratio`, (l) => times(paired(l)), `≤ ${SCALE_TARGETS.cpuRatio}×`, (l) => (paired(l) === null ? null : paired(l)! <= SCALE_TARGETS.cpuRatio));
  }
  row(`CPU per ${unit} / baseline`, (l) => times(ratio(cpu(l), baseline ? cpu(baseline) : null)));
  row("server CPU, % of one core (all + Redis)", (l) => fmt(l.cpuPercent, 1));
  row(
    "CPU by process, s (p1 / p2 / p3 + Redis)",
    (l) => `${l.cpu.servers.map((c) => fmt(c)).join(" / ")}${isRedis(l.config) ? ` + ${fmt(l.cpu.redis)}` : ""}`,
  );
  row("events lost", (l) => String(eventsLost(l)), "0", (l) => eventsLost(l) === 0);
  row("other processes' CPU meanwhile, % of one core (noise)", (l) => fmt(l.otherCpuPercent, 1));
  row("peak RSS, MB (all processes + Redis)", (l) => fmt(l.peakRssMb, 1));
  return out.join("\n");
}

/** The `scale` tables, one per scenario. */
export function scaleTable(result: ScaleResult): string {
  const configs = [...new Set(result.lines.map((l) => l.config))];
  configs.sort((a, b) => SCALE_CONFIGS.indexOf(a) - SCALE_CONFIGS.indexOf(b));
  const names = [...new Set(result.lines.map((l) => l.scenario))];
  const note =
    "Scale-out on Redis: `redis-N` is N Vitrine processes of one app on one redis-server, each user's requests sent to " +
    "the processes in turn (join on one, /queue/data on the next). CPU counts every server process and the redis-server.";
  return [note, ...names.map((n) => scenarioTable(n, result.lines, configs))].join("\n\n");
}
