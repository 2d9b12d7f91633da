/**
 * `pnpm bench [--quick] [--only echo-50,stream-250,chat-100,page,sessions,upload,image,soak] [--servers vitrine,baseline] [--cpu-prof] [--wait-quiet 120]`
 *
 * The orchestrator: for each scenario and each server (Vitrine, then the bare node:http
 * baseline, alternating who goes first), starts a fresh server process, measures its idle
 * RSS, starts a load generator process, samples the server's RSS and CPU while the load
 * runs, and stops both. Prints one JSON line per scenario × server, then the comparison
 * table; both are also written to bench/results/.
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerCommand, ServerMessage } from "./child.js";
import type { Scenario } from "./loadgen.js";
import { deadlineOf, runLoad } from "./load-runner.js";
import { measurePage, pageScenario, type PageScenario } from "./page.js";
import { measureSessions, sessionsTable } from "./sessions.js";
import { measureUpload, uploadTable } from "./upload.js";
import { imageRoundTripTable, measureImageRoundTrip } from "./image-roundtrip.js";
import { measureSoak, SOAK_PARTS, soakOptions, soakTable } from "./soak.js";
import { runScale, scaleOptions } from "./scale.js";
import { scaleTable } from "./scale-report.js";
import { cpuTime, ioCounters, machineBusy, peakRss, rss, type IoCounters } from "./proc.js";
import { pageDetails, table, type Line } from "./report.js";

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, "..");

type ServerKind = "vitrine" | "baseline";

interface Options {
  quick: boolean;
  only: string[] | null;
  servers: ServerKind[];
  cpuProf: boolean;
  /** Seconds to wait, before each measurement, for other processes to go quiet (0: don't). */
  waitQuiet: number;
  /** Runs of each scenario × server; the table shows the best run of each (least disturbed). */
  repeat: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | null => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? (argv[i + 1] ?? null) : null;
  };
  const servers = (value("servers") ?? "vitrine,baseline").split(",") as ServerKind[];
  for (const s of servers) if (s !== "vitrine" && s !== "baseline") throw new Error(`unknown server ${s}`);
  return { quick: argv.includes("--quick"), only: value("only")?.split(",") ?? null, servers, cpuProf: argv.includes("--cpu-prof"), waitQuiet: Number(value("wait-quiet") ?? 120), repeat: Math.max(1, Number(value("repeat") ?? 1)) };
}

/** The scenarios, full or quick. Names stay the same so tables compare. */
function scenarios(quick: boolean): (Scenario | PageScenario)[] {
  if (quick) {
    return [
      { kind: "echo", name: "echo-1", users: 1, warmup: 0.5, duration: 2 },
      { kind: "echo", name: "echo-50", users: 50, warmup: 0.5, duration: 3 },
      { kind: "stream", name: "stream-100", users: 20, tokens: 100, rate: 100, warmupUsers: 20, warmupTokens: 20 },
      { kind: "stream", name: "stream-250", users: 50, tokens: 100, rate: 100, warmupUsers: 20, warmupTokens: 20 },
      { kind: "stream", name: "chat-100", users: 20, tokens: 100, rate: 100, warmupUsers: 20, warmupTokens: 20, chat: true },
      pageScenario(true),
    ];
  }
  return [
    { kind: "echo", name: "echo-1", users: 1, warmup: 1, duration: 5 },
    { kind: "echo", name: "echo-50", users: 50, warmup: 2, duration: 15 },
    { kind: "stream", name: "stream-100", users: 100, tokens: 500, rate: 100, warmupUsers: 50, warmupTokens: 100 },
    { kind: "stream", name: "stream-250", users: 250, tokens: 500, rate: 100, warmupUsers: 50, warmupTokens: 100 },
    { kind: "stream", name: "chat-100", users: 100, tokens: 500, rate: 100, warmupUsers: 50, warmupTokens: 100, chat: true },
    pageScenario(false),
  ];
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1048576) * 10) / 10);

/** A running server process. */
interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  ask(command: ServerCommand): void;
  memory(): Promise<Extract<ServerMessage, { type: "memory" }> | null>;
  stop(): Promise<void>;
}

/**
 * Starts a server process: `<kind>-main.js`, or for the page scenario `page-main.js` (the
 * gallery's hello demo), with compression off for the baseline.
 */
async function startServer(kind: ServerKind, s: Scenario | PageScenario, lifetime: number, cpuProf: string | null): Promise<ServerProcess> {
  const spec = s.kind === "stream" ? { tokens: s.tokens, rate: s.rate } : { tokens: 5, rate: 100 };
  const execArgv = cpuProf ? ["--cpu-prof", "--cpu-prof-dir", cpuProf, "--cpu-prof-name", `${kind}-${s.name}.cpuprofile`] : [];
  const env = { ...process.env };
  delete env.VITRINE_NO_COMPRESSION;
  if (s.kind === "page" && kind === "baseline") env.VITRINE_NO_COMPRESSION = "1";
  const script = s.kind === "page" ? "page-main.js" : `${kind}-main.js`;
  const child = fork(join(here, script), ["--tokens", String(spec.tokens), "--rate", String(spec.rate), "--lifetime", String(lifetime)], {
    stdio: ["ignore", 2, 2, "ipc"],
    execArgv,
    env,
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${kind} server did not start in 30 s`)), 30_000);
    child.on("message", (m: ServerMessage) => {
      if (m.type === "ready") {
        clearTimeout(timer);
        ready(m.port);
      }
    });
    child.once("exit", (code) => fail(new Error(`${kind} server exited with code ${code} before it was ready`)));
  });
  const ask = (command: ServerCommand) => {
    if (child.connected) child.send(command);
  };
  return {
    child,
    pid: child.pid!,
    port,
    ask,
    memory: () =>
      new Promise((answer) => {
        const timer = setTimeout(() => answer(null), 2000);
        const on = (m: ServerMessage) => {
          if (m.type !== "memory") return;
          clearTimeout(timer);
          child.off("message", on);
          answer(m);
        };
        child.on("message", on);
        ask({ type: "memory" });
      }),
    stop: async () => {
      ask({ type: "stop" });
      const killed = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Runs the load generator process against `port`; calls `onPhase` at the window's edges. */
/**
 * Waits (up to `maxSeconds`) until the rest of the machine is nearly idle, so that other
 * people's builds do not land in a measurement. Returns the last busy share seen (cores).
 */
async function waitQuiet(maxSeconds: number): Promise<number | null> {
  const started = performance.now();
  let warned = false;
  for (;;) {
    const before = machineBusy();
    await sleep(1000);
    const after = machineBusy();
    if (before === null || after === null) return null;
    const busy = after - before;
    if (busy < 0.15 || performance.now() - started > maxSeconds * 1000) {
      if (busy >= 0.15) console.error(`# the machine is still busy (${(busy * 100).toFixed(0)}% of a core): measuring anyway`);
      return busy;
    }
    if (!warned) console.error(`# other processes use ${(busy * 100).toFixed(0)}% of a core: waiting up to ${maxSeconds} s for quiet…`);
    warned = true;
  }
}

/** One scenario against one server, in fresh processes. */
async function measure(
  kind: ServerKind,
  scenario: Scenario,
  quick: boolean,
  quietSeconds: number,
  cpuProfDir: string | null,
  rev: ReturnType<typeof revision>,
): Promise<Line> {
  const lifetime = deadlineOf(scenario) + 60;
  if (quietSeconds > 0) await waitQuiet(quietSeconds);
  const server = await startServer(kind, scenario, lifetime, cpuProfDir);
  try {
    await sleep(1000);
    const idleRss = rss(server.pid);
    const idleMemory = await server.memory();
    let samplePeak = idleRss ?? 0;
    const sampler = setInterval(() => {
      const now = rss(server.pid);
      if (now !== null && now > samplePeak) samplePeak = now;
    }, 100);
    let cpuStart: number | null = null;
    let cpuEnd: number | null = null;
    let busyStart: number | null = null;
    let busyEnd: number | null = null;
    let ioStart: IoCounters | null = null;
    let ioEnd: IoCounters | null = null;
    let wallStart = 0;
    let wallEnd = 0;
    // A chat scenario calls the ChatInterface's /chat on Vitrine, the same tokens' /stream on the baseline.
    const endpoint = scenario.kind === "stream" && scenario.chat && kind === "vitrine" ? "chat" : scenario.kind;
    const result = await runLoad([server.port], scenario, endpoint, (phase) => {
      if (phase === "measure-start") {
        cpuStart = cpuTime(server.pid);
        busyStart = machineBusy();
        ioStart = ioCounters(server.pid);
        wallStart = performance.now();
      } else {
        cpuEnd = cpuTime(server.pid);
        busyEnd = machineBusy();
        ioEnd = ioCounters(server.pid);
        wallEnd = performance.now();
      }
    });
    clearInterval(sampler);
    const peak = Math.max(peakRss(server.pid) ?? 0, samplePeak);
    const cpu = cpuStart !== null && cpuEnd !== null ? (cpuEnd as number) - (cpuStart as number) : null;
    const wall = (wallEnd - wallStart) / 1000;
    const work = result.kind === "echo" ? result.events : result.messages;
    // CPU the rest of the machine used meanwhile (other processes: noise), in % of one core.
    const busy = busyStart !== null && busyEnd !== null ? (busyEnd as number) - (busyStart as number) : null;
    const io = ioStart && ioEnd && work > 0 ? { start: ioStart as IoCounters, end: ioEnd as IoCounters } : null;
    const perUnit = (f: (c: IoCounters) => number) => (io ? Math.round(((f(io.end) - f(io.start)) / work) * 100) / 100 : null);
    const other = busy === null || cpu === null || wall <= 0 ? null : Math.max(0, (busy - cpu - result.clientCpu) / wall);
    return {
      scenario: scenario.name,
      server: kind,
      params: scenario,
      result,
      serverStats: {
        idleRssMb: mb(idleRss),
        idleHeapUsedMb: mb(idleMemory?.heapUsed ?? null),
        peakRssMb: mb(peak),
        cpuSeconds: cpu === null ? null : Math.round(cpu * 1000) / 1000,
        cpuPercent: cpu === null || wall <= 0 ? null : Math.round((cpu / wall) * 1000) / 10,
        /** Server CPU microseconds per echo event, or per streamed message. */
        cpuUsPerUnit: cpu === null || work === 0 ? null : Math.round((cpu / work) * 1e7) / 10,
        /** CPU used by processes other than the server and the load generator during the window, % of one core. */
        otherCpuPercent: other === null ? null : Math.round(other * 1000) / 10,
        /** Server write and read system calls, and bytes written, per echo event or streamed message. */
        writeSyscallsPerUnit: perUnit((c) => c.syscw),
        readSyscallsPerUnit: perUnit((c) => c.syscr),
        bytesWrittenPerUnit: perUnit((c) => c.wchar),
      },
      env: { node: process.version, cores: cpus().length, quick, ...rev },
      run: 0,
    };
  } finally {
    await server.stop();
  }
}

/**
 * The page scenario against one server: the hello demo with compressed assets ("vitrine") or
 * with `VITRINE_NO_COMPRESSION=1` ("baseline"), loaded cold in headless chromium (page.ts).
 */
async function measurePageRun(
  kind: ServerKind,
  scenario: PageScenario,
  quick: boolean,
  quietSeconds: number,
  cpuProfDir: string | null,
  rev: ReturnType<typeof revision>,
): Promise<Line> {
  const loads = scenario.warmup + scenario.loads + scenario.throttledLoads;
  const lifetime = loads * 30 + 120;
  if (quietSeconds > 0) await waitQuiet(quietSeconds);
  const server = await startServer(kind, scenario, lifetime, cpuProfDir);
  try {
    await sleep(1000);
    const idleRss = rss(server.pid);
    const idleMemory = await server.memory();
    const cpuStart = cpuTime(server.pid);
    const ioStart = ioCounters(server.pid);
    const wallStart = performance.now();
    const result = await measurePage(`http://127.0.0.1:${server.port}/`, scenario);
    const wall = (performance.now() - wallStart) / 1000;
    const cpuEnd = cpuTime(server.pid);
    const ioEnd = ioCounters(server.pid);
    const cpu = cpuStart !== null && cpuEnd !== null ? cpuEnd - cpuStart : null;
    const perLoad = (f: (c: IoCounters) => number) => (ioStart && ioEnd ? Math.round((f(ioEnd) - f(ioStart)) / loads) : null);
    return {
      scenario: scenario.name,
      server: kind,
      params: scenario,
      result,
      serverStats: {
        idleRssMb: mb(idleRss),
        idleHeapUsedMb: mb(idleMemory?.heapUsed ?? null),
        peakRssMb: mb(peakRss(server.pid)),
        cpuSeconds: cpu === null ? null : Math.round(cpu * 1000) / 1000,
        cpuPercent: cpu === null || wall <= 0 ? null : Math.round((cpu / wall) * 1000) / 10,
        /** Server CPU microseconds per page load (warm-up and throttled loads included). */
        cpuUsPerUnit: cpu === null ? null : Math.round((cpu / loads) * 1e6),
        // The browser runs beside the server: other processes' CPU is not noise here.
        otherCpuPercent: null,
        writeSyscallsPerUnit: perLoad((c) => c.syscw),
        readSyscallsPerUnit: perLoad((c) => c.syscr),
        bytesWrittenPerUnit: perLoad((c) => c.wchar),
      },
      env: { node: process.version, cores: cpus().length, quick, ...rev },
      run: 0,
    };
  } finally {
    await server.stop();
  }
}

/** The commit measured, and how many files under packages/ differ from it (work in progress). */
function revision(): { commit: string | null; modifiedPackageFiles: number | null } {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: benchDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const commit = git("rev-parse", "--short", "HEAD");
    const changed = git("status", "--porcelain", "--", "../packages");
    return { commit, modifiedPackageFiles: changed ? changed.split("\n").length : 0 };
  } catch {
    return { commit: null, modifiedPackageFiles: null };
  }
}

/** Newest modification time of the files under `dir` (0 when missing). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) t = Math.max(t, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return t;
}

/** The workspace packages the Vitrine server runs from whose dist/ is older than their src/. */
function staleBuilds(): string[] {
  const root = resolve(benchDir, "..");
  const packages = ["core", "queue", "server", "textbox", "button", "vitrine", "app", "dataset", "markdown"];
  return packages.filter((p) => newest(join(root, "packages", p, "src")) > newest(join(root, "packages", p, "dist")));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const resultsDir = join(benchDir, "results");
  mkdirSync(resultsDir, { recursive: true });
  const cpuProfDir = options.cpuProf ? join(benchDir, "profiles", stamp) : null;
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const rev = revision();
  const note =
    `# ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}. Each server and the load generator ` +
    `are separate processes sharing these cores; every server process is fresh per scenario.` +
    (options.repeat > 1 ? ` Best of ${options.repeat} runs per scenario and server.` : "") +
    (rev.commit ? ` Vitrine at ${rev.commit}${rev.modifiedPackageFiles ? ` + ${rev.modifiedPackageFiles} uncommitted file(s) in packages/` : ""}.` : "") +
    (options.quick ? " QUICK run: fewer users, shorter windows, 100-token streams." : "");
  console.error(note);
  const stale = staleBuilds();
  if (stale.length) {
    console.error(`# WARNING: dist/ is older than src/ in ${stale.join(", ")}: Vitrine runs from dist/, rebuild first (pnpm build).`);
  }

  const lines: Line[] = [];
  const jsonl = join(resultsDir, `${stamp}${options.quick ? "-quick" : ""}.jsonl`);
  const chosen = scenarios(options.quick).filter((s) => !options.only || options.only.includes(s.name));
  for (const [i, scenario] of chosen.entries()) {
    for (let run = 0; run < options.repeat; run++) {
      const order = (i + run) % 2 === 0 ? options.servers : [...options.servers].reverse();
      for (const kind of order) {
        console.error(`# ${scenario.name} on ${kind}${options.repeat > 1 ? ` (run ${run + 1}/${options.repeat})` : ""}…`);
        const line =
          scenario.kind === "page"
            ? await measurePageRun(kind, scenario, options.quick, options.waitQuiet, cpuProfDir, rev)
            : await measure(kind, scenario, options.quick, options.waitQuiet, cpuProfDir, rev);
        line.run = run;
        lines.push(line);
        const text = JSON.stringify(line);
        console.log(text);
        writeFileSync(jsonl, `${text}\n`, { flag: "a" });
      }
    }
  }
  let sessions = "";
  if (!options.only || options.only.includes("sessions")) {
    console.error(`# sessions: ${options.quick ? 1000 : 10_000} sessions that come and go…`);
    const result = await measureSessions(options.quick ? 1000 : 10_000);
    console.log(JSON.stringify({ scenario: "sessions", ...result }));
    writeFileSync(jsonl, `${JSON.stringify({ scenario: "sessions", ...result })}\n`, { flag: "a" });
    sessions = `\n${sessionsTable(result)}\n`;
  }
  if (!options.only || options.only.includes("upload")) {
    const mb = options.quick ? 50 : 200;
    console.error(`# upload: one ${mb} MB multipart upload, server RSS sampled every 50 ms…`);
    const result = await measureUpload(mb * 1024 * 1024);
    const text = JSON.stringify({ scenario: "upload", ...result });
    console.log(text);
    writeFileSync(jsonl, `${text}\n`, { flag: "a" });
    sessions += `\n${uploadTable(result)}\n`;
  }
  if (!options.only || options.only.includes("image")) {
    console.error("# image: PNG round trips through Image, against bare jimp…");
    const result = await measureImageRoundTrip(
      options.quick ? { size: 256, sequential: 20, concurrent: 4, rounds: 5, warmup: 3 } : { size: 512, sequential: 100, concurrent: 8, rounds: 10, warmup: 5 },
    );
    const text = JSON.stringify({ scenario: "image", ...result });
    console.log(text);
    writeFileSync(jsonl, `${text}\n`, { flag: "a" });
    sessions += `\n${imageRoundTripTable(result)}\n`;
  }
  // `--only soak` runs the three parts of the soak; `--only soak-100k` (etc.) one of them.
  const soakParts = SOAK_PARTS.filter((p) => !options.only || options.only.includes(p) || options.only.includes("soak"));
  if (soakParts.length) {
    if (options.waitQuiet > 0) await waitQuiet(options.waitQuiet);
    const result = await measureSoak(soakOptions(options.quick), soakParts, (line) => console.error(line));
    const text = JSON.stringify({ scenario: "soak", ...result });
    console.log(text);
    writeFileSync(jsonl, `${text}\n`, { flag: "a" });
    sessions += `\n${soakTable(result)}\n`;
  }
  // `--only scale`: Vitrine on Redis with 1, 2 and 3 processes beside one in-memory process and the baseline (scale.ts).
  if (options.only?.includes("scale")) {
    const onLine = (line: object) => {
      const text = JSON.stringify({ set: "scale", ...line });
      console.log(text);
      writeFileSync(jsonl, `${text}\n`, { flag: "a" });
    };
    const beforeMeasure = () => (options.waitQuiet > 0 ? waitQuiet(options.waitQuiet) : Promise.resolve(null));
    const result = await runScale(scaleOptions(options.quick, options.repeat), { beforeMeasure, log: (l) => console.error(l), cpuProfDir, onLine });
    sessions += `\n${scaleTable(result)}\n`;
  }
  const warning = stale.length ? `\n# WARNING: stale dist/ in ${stale.join(", ")} (measured an older build).` : "";
  const details = pageDetails(lines);
  const report = `${note}${warning}\n\n${lines.length ? table(lines) : ""}\n${details ? `\n${details}\n` : ""}${sessions}`;
  console.log(`\n${report}`);
  writeFileSync(join(resultsDir, `${stamp}${options.quick ? "-quick" : ""}.md`), report);
  writeFileSync(join(resultsDir, `latest${options.quick ? "-quick" : ""}.md`), report);
  console.error(`# results: ${jsonl}`);
  if (cpuProfDir) console.error(`# CPU profiles: ${cpuProfDir} (summarize with: node bench/dist/profile-summary.js <file>)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
