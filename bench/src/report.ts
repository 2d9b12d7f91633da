/** The comparison table: Vitrine next to the baseline, their ratio, and the targets of issue 3. */
import type { LoadResult, Scenario } from "./loadgen.js";

/** One JSON line: a scenario run against one server. */
export interface Line {
  scenario: string;
  server: "vitrine" | "baseline";
  params: Scenario;
  result: LoadResult;
  serverStats: {
    idleRssMb: number | null;
    idleHeapUsedMb: number | null;
    peakRssMb: number | null;
    cpuSeconds: number | null;
    cpuPercent: number | null;
    cpuUsPerUnit: number | null;
    otherCpuPercent: number | null;
    writeSyscallsPerUnit: number | null;
    readSyscallsPerUnit: number | null;
    bytesWrittenPerUnit: number | null;
  };
  env: { node: string; cores: number; quick: boolean; commit: string | null; modifiedPackageFiles: number | null };
  /** Which run of this scenario × server (with `--repeat`). */
  run: number;
}

/** The run to show for a scenario × server: the best by the scenario's main metric. */
function best(lines: Line[]): Line | undefined {
  const score = (l: Line) => (l.result.kind === "echo" ? -l.result.throughput : (l.result.completion.mean ?? Infinity));
  return [...lines].sort((a, b) => score(a) - score(b))[0];
}

type Target = { kind: "ratio-min" | "ratio-max"; value: number } | { kind: "abs-max"; value: number } | { kind: "equals-expected" };

interface Row {
  scenario: string;
  metric: string;
  vitrine: number | null;
  baseline: number | null;
  /** Shown instead of the numbers (tokens "received / expected"). */
  text?: [string, string];
  target?: Target;
  ok?: boolean | null;
}

const fmt = (v: number | null, digits = 1): string =>
  v === null ? "—" : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(digits);

function errorCount(r: LoadResult | undefined): number | null {
  if (!r) return null;
  return Object.values(r.errors).reduce((a, b) => a + b, 0) + (r.kind === "echo" ? r.wrong : r.wrongText);
}

export function table(lines: Line[]): string {
  const get = (scenario: string, server: Line["server"]) => best(lines.filter((l) => l.scenario === scenario && l.server === server));
  const rows: Row[] = [];
  const scenarios = [...new Set(lines.map((l) => l.scenario))];
  for (const name of scenarios) {
    const v = get(name, "vitrine");
    const b = get(name, "baseline");
    const params = (v ?? b)!.params;
    const label =
      params.kind === "echo"
        ? `echo, ${params.users} user${params.users > 1 ? "s" : ""}, ${params.duration} s`
        : `stream, ${params.users} users × ${params.tokens} tok @ ${params.rate}/s`;
    const pick = (f: (l: Line) => number | null | undefined) => [v ? (f(v) ?? null) : null, b ? (f(b) ?? null) : null] as const;
    const add = (metric: string, f: (l: Line) => number | null | undefined, target?: Target) => {
      const [vv, bb] = pick(f);
      rows.push({ scenario: label, metric, vitrine: vv, baseline: bb, target });
    };
    if (params.kind === "echo") {
      const echo = (l: Line) => (l.result.kind === "echo" ? l.result : null);
      const big = name === "echo-50";
      add("throughput, events/s", (l) => echo(l)?.throughput, big ? { kind: "ratio-min", value: 0.5 } : undefined);
      add("latency p50, ms", (l) => echo(l)?.latency.p50);
      add("latency p99, ms", (l) => echo(l)?.latency.p99);
      add("server CPU, % of one core", (l) => l.serverStats.cpuPercent);
      add("server CPU per event, µs", (l) => l.serverStats.cpuUsPerUnit);
      add("server write syscalls per event", (l) => l.serverStats.writeSyscallsPerUnit);
      add("server read syscalls per event", (l) => l.serverStats.readSyscallsPerUnit);
      add("server bytes written per event", (l) => l.serverStats.bytesWrittenPerUnit);
    } else {
      const st = (l: Line) => (l.result.kind === "stream" ? l.result : null);
      const ideal = (params.tokens / params.rate) * 1000;
      const big = name === "stream-250";
      add(`completion mean, ms (ideal ${ideal})`, (l) => st(l)?.completion.mean, big ? { kind: "ratio-max", value: 1.15 } : undefined);
      add("completion p99, ms", (l) => st(l)?.completion.p99);
      add("time to first token mean, ms", (l) => st(l)?.ttft.mean);
      add("time to first token p99, ms", (l) => st(l)?.ttft.p99);
      const [vt, bt] = pick((l) => st(l)?.tokensReceived);
      const expected = params.users * params.tokens;
      rows.push({
        scenario: label,
        metric: "tokens received",
        vitrine: vt,
        baseline: bt,
        text: [vt === null ? "—" : `${vt} / ${expected}`, bt === null ? "—" : `${bt} / ${expected}`],
        target: { kind: "equals-expected" },
        ok: vt === null ? null : vt === expected && (v ? errorCount(v.result) === 0 : true),
      });
      add("server CPU, % of one core", (l) => l.serverStats.cpuPercent);
      add("server CPU per streamed message, µs", (l) => l.serverStats.cpuUsPerUnit);
      add("server write syscalls per message", (l) => l.serverStats.writeSyscallsPerUnit);
      add("server bytes written per message", (l) => l.serverStats.bytesWrittenPerUnit);
    }
    add("failed or wrong calls", (l) => errorCount(l.result));
    add("other processes' CPU meanwhile, % of one core (noise)", (l) => l.serverStats.otherCpuPercent);
    add("server peak RSS, MB", (l) => l.serverStats.peakRssMb);
  }
  // Idle RSS: the median over the fresh server processes of each kind.
  const median = (server: Line["server"]): number | null => {
    const values = lines
      .filter((l) => l.server === server)
      .map((l) => l.serverStats.idleRssMb)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)]! : null;
  };
  const max = (server: Line["server"]): number | null => {
    const values = lines.filter((l) => l.server === server).map((l) => l.serverStats.peakRssMb ?? 0);
    return values.length ? Math.max(...values) : null;
  };
  rows.push({ scenario: "memory", metric: "server idle RSS, MB (median of starts)", vitrine: median("vitrine"), baseline: median("baseline"), target: { kind: "abs-max", value: 100 } });
  rows.push({ scenario: "memory", metric: "server peak RSS, MB (all scenarios)", vitrine: max("vitrine"), baseline: max("baseline") });

  const out = [
    "| scenario | metric | Vitrine | baseline | Vitrine / baseline | target | met |",
    "| --- | --- | ---: | ---: | ---: | --- | :---: |",
  ];
  for (const r of rows) {
    const ratio = r.vitrine !== null && r.baseline !== null && r.baseline !== 0 ? r.vitrine / r.baseline : null;
    let target = "";
    let ok = r.ok;
    if (r.target) {
      switch (r.target.kind) {
        case "ratio-min":
          target = `≥ ${r.target.value}× baseline`;
          ok = ratio === null ? null : ratio >= r.target.value;
          break;
        case "ratio-max":
          target = `≤ ${r.target.value}× baseline`;
          ok = ratio === null ? null : ratio <= r.target.value;
          break;
        case "abs-max":
          target = `Vitrine < ${r.target.value}`;
          ok = r.vitrine === null ? null : r.vitrine < r.target.value;
          break;
        case "equals-expected":
          target = "no token lost";
          break;
      }
    }
    const [vs, bs] = r.text ?? [fmt(r.vitrine), fmt(r.baseline)];
    const mark = ok === undefined ? "" : ok === null ? "?" : ok ? "yes" : "**NO**";
    out.push(`| ${r.scenario} | ${r.metric} | ${vs} | ${bs} | ${ratio === null ? "—" : `${ratio.toFixed(2)}×`} | ${target} | ${mark} |`);
  }
  return out.join("\n");
}
