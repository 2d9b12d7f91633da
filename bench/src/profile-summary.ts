/**
 * `node bench/dist/profile-summary.js <file.cpuprofile> [top]`: where a server's CPU went,
 * from a `--cpu-prof` profile (`pnpm bench --cpu-prof`): self time by package, self time by
 * function, and inclusive time by function.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Which package (or runtime part) a script URL belongs to. */
export function packageOf(url: string): string {
  if (!url) return "(native / vm)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const nm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const ws = /\/(packages|bench|apps)\/([^/]+)\//.exec(url);
  if (ws) return ws[1] === "bench" ? "bench" : `@vitrine/${ws[2]}`;
  return url;
}

function frameName(n: ProfileNode): string {
  const f = n.callFrame;
  const file = f.url ? f.url.replace(/^.*\/(node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?|packages\/|bench\/)/, "") : "";
  return `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`.trim();
}

export function summarizeProfile(profile: Profile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Self time per node from the samples and their time deltas (µs).
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()].filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)").reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;

  const selfByFn = new Map<string, number>();
  const selfByPkg = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === "(idle)") continue;
    const name = frameName(node);
    selfByFn.set(name, (selfByFn.get(name) ?? 0) + t);
    const pkg = node.callFrame.url ? packageOf(node.callFrame.url) : node.callFrame.functionName || "(native)";
    selfByPkg.set(pkg, (selfByPkg.get(pkg) ?? 0) + t);
    // Inclusive: every distinct frame on the stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = frameName(byId.get(cur)!);
      if (seen.has(n)) continue;
      seen.add(n);
      inclusive.set(n, (inclusive.get(n) ?? 0) + t);
    }
  }
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `  ${pct(t)} ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join("\n");
  return [
    `profile: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (percentages are of busy time)`,
    "",
    "self time by package:",
    list(selfByPkg, 20),
    "",
    "self time by function:",
    list(selfByFn, top),
    "",
    "inclusive time by function:",
    list(inclusive, top),
  ].join("\n");
}

if (process.argv[1] && /profile-summary\.[jt]s$/.test(process.argv[1])) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node bench/dist/profile-summary.js <file.cpuprofile> [top]");
    process.exit(1);
  }
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  console.log(summarizeProfile(profile, Number(process.argv[3] ?? 25)));
}
