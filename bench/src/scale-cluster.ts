/**
 * The server processes of one `scale` configuration: the bare baseline, one Vitrine process
 * with the in-memory queue, or 1–3 Vitrine processes of the same app on one Redis (each on a
 * port of its own, sharing the app's keys through `VITRINE_REDIS_URL`).
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { ServerCommand, ServerMessage } from "./child.js";
import { benchScript } from "./load-runner.js";
import type { StreamSpec } from "./tokens.js";

/** The configurations compared, in their table order. */
export const SCALE_CONFIGS = ["baseline", "memory", "redis-1", "redis-2", "redis-3"] as const;
export type ScaleConfig = (typeof SCALE_CONFIGS)[number];

/** How many processes serve a configuration, and whether they need Redis. */
export function shape(config: ScaleConfig): { processes: number; redis: boolean; script: string } {
  if (config === "baseline") return { processes: 1, redis: false, script: "baseline-main.js" };
  if (config === "memory") return { processes: 1, redis: false, script: "vitrine-main.js" };
  return { processes: Number(config.slice("redis-".length)), redis: true, script: "vitrine-main.js" };
}

/** One running server process. */
export interface ServerProcess {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/** What a configuration's processes are started with. */
export interface ClusterSpec extends StreamSpec {
  config: ScaleConfig;
  /** Seconds after which every process exits whatever happens. */
  lifetime: number;
  /** The Redis server's URL, for the `redis-N` configurations. */
  redisUrl: string | null;
  /** Where to write a V8 CPU profile of each process (`--cpu-prof`), and the profiles' name stem. */
  cpuProf: { dir: string; name: string } | null;
}

async function startOne(spec: ClusterSpec, index: number): Promise<ServerProcess> {
  const { script } = shape(spec.config);
  const env = { ...process.env };
  delete env.VITRINE_REDIS_URL;
  delete env.VITRINE_NO_COMPRESSION;
  if (spec.redisUrl) env.VITRINE_REDIS_URL = spec.redisUrl;
  const execArgv = spec.cpuProf ? ["--cpu-prof", "--cpu-prof-dir", spec.cpuProf.dir, "--cpu-prof-name", `${spec.cpuProf.name}-p${index + 1}.cpuprofile`] : [];
  const child: ChildProcess = fork(benchScript(script), ["--tokens", String(spec.tokens), "--rate", String(spec.rate), "--lifetime", String(spec.lifetime)], {
    stdio: ["ignore", 2, 2, "ipc"],
    execArgv,
    env,
  });
  const exited = once(child, "exit");
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${spec.config} process ${index + 1} did not start in 30 s`)), 30_000);
    child.on("message", (m: ServerMessage) => {
      if (m.type !== "ready") return;
      clearTimeout(timer);
      ready(m.port);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${spec.config} process ${index + 1} exited with code ${code} before it was ready`));
    });
  });
  return {
    pid: child.pid!,
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.send({ type: "stop" } satisfies ServerCommand);
      const killed = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** Starts the configuration's processes one after the other (each on a free port of its own). */
export async function startCluster(spec: ClusterSpec): Promise<ServerProcess[]> {
  const { processes } = shape(spec.config);
  const started: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) started.push(await startOne(spec, i));
  } catch (err) {
    await Promise.all(started.map((p) => p.stop()));
    throw err;
  }
  return started;
}
