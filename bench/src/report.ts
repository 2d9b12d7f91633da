/**
 * The comparison table: Vitrine next to the baseline, their ratio, and the targets of issue 3.
 * In the page scenario the "baseline" is the same Vitrine server with compression off.
 */
import type { LoadResult, Scenario } from "./loadgen.js";
import { scriptTable, type PageResult, type PageScenario } from "./page.js";

/** One JSON line: a scenario run against one server. */
export interface Line {
  scenario: string;
  server: "vitrine" | "baseline";
  params: Scenario | PageScenario;
  result: LoadResult | PageResult;
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
  const score = (l: Line) =>
    l.result.kind === "echo"
      ? -l.result.throughput
      : l.result.kind === "stream"
        ? (l.result.completion.mean ?? Infinity)
        : (l.result.greeting.p50 ?? Infinity);
  return [...lines].sort((a, b) => score(a) - score(b))[0];
}

type Target =
  | { kind: "ratio-min" | "ratio-max"; value: number }
  | { kind: "abs-max"; value: number; unit?: string; inclusive?: boolean }
  | { kind: "equals-expected" };

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

function errorCount(r: LoadResult | PageResult | undefined): number | null {
  if (!r) return null;
  const failed = Object.values(r.errors).reduce((a, b) => a + b, 0);
  return failed + (r.kind === "echo" ? r.wrong : r.kind === "stream" ? r.wrongText : 0);
}

const kB = (bytes: number | undefined): number | null => (bytes === undefined ? null : Math.round((bytes / 1024) * 10) / 10);

/** "br ×5, identity ×1" */
const encodings = (e: Record<string, number> | undefined): string =>
  e && Object.keys(e).length
    ? Object.entries(e)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ×${n}`)
        .join(", ")
    : "—";

/** The page scenario's rows (see page.ts). */
function pageRows(label: string, v: Line | undefined, b: Line | undefined): Row[] {
  const rows: Row[] = [];
  const page = (l: Line | undefined) => (l?.result.kind === "page" ? l.result : undefined);
  const pv = page(v);
  const pb = page(b);
  const add = (metric: string, f: (r: PageResult, l: Line) => number | null | undefined, target?: Target) => {
    rows.push({
      scenario: label,
      metric,
      vitrine: pv ? (f(pv, v!) ?? null) : null,
      baseline: pb ? (f(pb, b!) ?? null) : null,
      target,
    });
  };
  const text = (metric: string, f: (r: PageResult) => string) => {
    rows.push({ scenario: label, metric, vitrine: null, baseline: null, text: [pv ? f(pv) : "—", pb ? f(pb) : "—"] });
  };
  add("JS transferred, kB (bodies, as sent)", (r) => kB(r.weight.js.transferred), { kind: "abs-max", value: 120, unit: " kB (gzip)", inclusive: true });
  add("JS decoded, kB", (r) => kB(r.weight.js.decoded));
  add("JS as gzip -9, kB (computed from the bodies)", (r) => kB(r.weight.js.gzip9));
  add("JS requests", (r) => r.weight.js.requests);
  text("JS content encodings", (r) => encodings(r.weight.js.encodings));
  add("CSS transferred, kB", (r) => kB(r.weight.css.transferred));
  add("HTML transferred, kB", (r) => kB(r.weight.html.transferred));
  add("everything transferred, kB (bodies + headers)", (r) => kB(r.weight.all.transferred + r.weight.all.headers));
  add("everything decoded, kB", (r) => kB(r.weight.all.decoded));
  add("time to interactive median, ms", (r) => r.interactive.p50);
  add("time to interactive max, ms", (r) => r.interactive.max);
  add("time to first greeting median, ms (incl. typing + click)", (r) => r.greeting.p50);
  add("click → greeting median, ms", (r) => r.clickToGreeting.p50);
  const link = (v ?? b)!.params;
  const linkText = link.kind === "page" ? `${link.link.downKbps / 1000} Mbit/s, +${link.link.latencyMs} ms` : "";
  add(`time to interactive median on ${linkText}, ms`, (r) => r.throttled?.interactive.p50);
  add(`time to first greeting median on ${linkText}, ms`, (r) => r.throttled?.greeting.p50);
  add("server CPU per page load, ms", (_r, l) => (l.serverStats.cpuUsPerUnit === null ? null : l.serverStats.cpuUsPerUnit / 1000));
  add("server bytes written per page load, kB", (_r, l) => kB(l.serverStats.bytesWrittenPerUnit ?? undefined));
  add("failed loads", (r) => errorCount(r));
  add("server idle RSS, MB", (_r, l) => l.serverStats.idleRssMb);
  text("browser's Accept-Encoding", (r) => r.acceptEncoding ?? "—");
  return rows;
}

/** The page scenario's script breakdown (compressed run vs uncompressed), or "" without one. */
export function pageDetails(lines: Line[]): string {
  const page = lines.filter((l) => l.result.kind === "page");
  if (!page.length) return "";
  const get = (server: Line["server"]) => best(page.filter((l) => l.server === server))?.result as PageResult | undefined;
  return `Scripts of the page (first measured cold load; Vitrine = compressed, baseline = VITRINE_NO_COMPRESSION=1):\n\n${scriptTable(get("vitrine"), get("baseline"))}`;
}

export function table(lines: Line[]): string {
  const get = (scenario: string, server: Line["server"]) => best(lines.filter((l) => l.scenario === scenario && l.server === server));
  const rows: Row[] = [];
  const scenarios = [...new Set(lines.map((l) => l.scenario))];
  for (const name of scenarios) {
    const v = get(name, "vitrine");
    const b = get(name, "baseline");
    const params = (v ?? b)!.params;
    if (params.kind === "page") {
      const label = `page "${params.demo}", ${params.loads} cold loads (baseline: VITRINE_NO_COMPRESSION=1)`;
      rows.push(...pageRows(label, v, b));
      continue;
    }
    const label =
      params.kind === "echo"
        ? `echo, ${params.users} user${params.users > 1 ? "s" : ""}, ${params.duration} s`
        : params.chat
          ? `chat (Vitrine ChatInterface /chat, baseline /stream), ${params.users} users × ${params.tokens} tok @ ${params.rate}/s`
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
      // Issue 3's target for stream-250; issue 10's for the ChatInterface at 100 users.
      const big = name === "stream-250" || name === "chat-100";
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
  // Idle RSS: the median over the fresh server processes of each kind (the bench app's, not the page's).
  const serverLines = lines.filter((l) => l.result.kind !== "page");
  const median = (server: Line["server"]): number | null => {
    const values = serverLines
      .filter((l) => l.server === server)
      .map((l) => l.serverStats.idleRssMb)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)]! : null;
  };
  const max = (server: Line["server"]): number | null => {
    const values = serverLines.filter((l) => l.server === server).map((l) => l.serverStats.peakRssMb ?? 0);
    return values.length ? Math.max(...values) : null;
  };
  if (serverLines.length) {
    rows.push({ scenario: "memory", metric: "server idle RSS, MB (median of starts)", vitrine: median("vitrine"), baseline: median("baseline"), target: { kind: "abs-max", value: 100 } });
    rows.push({ scenario: "memory", metric: "server peak RSS, MB (all scenarios)", vitrine: max("vitrine"), baseline: max("baseline") });
  }

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
          target = `Vitrine ${r.target.inclusive ? "≤" : "<"} ${r.target.value}${r.target.unit ?? ""}`;
          ok = r.vitrine === null ? null : r.target.inclusive ? r.vitrine <= r.target.value : r.vitrine < r.target.value;
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
