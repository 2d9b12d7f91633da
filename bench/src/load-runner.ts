/**
 * Runs the load generator (loadgen.ts) in a process of its own against one server or several
 * processes of one app, for the main bench and the `scale` bench alike.
 */
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadMessage, LoadResult, RunCommand, Scenario } from "./loadgen.js";

const here = dirname(fileURLToPath(import.meta.url));

/** A built script of the bench (tests run these modules from src/, next to no .js files). */
export function benchScript(name: string): string {
  const found = [join(here, name), join(here, "..", "dist", name)].find((f) => existsSync(f));
  if (!found) throw new Error(`${name} is not built: pnpm turbo run build --filter=@vitrine/bench`);
  return found;
}

/** Seconds a scenario may take at most, warm-up included. */
export function deadlineOf(s: Scenario): number {
  return s.kind === "echo" ? s.warmup + s.duration + 20 : Math.max(60, (s.tokens / s.rate) * 10) + 30;
}

/**
 * Runs `scenario` against `ports` (with several, each user sends its requests to them in turn)
 * on `endpoint`; `onPhase` is called at the measured window's edges.
 */
export function runLoad(ports: readonly number[], scenario: Scenario, endpoint: string, onPhase: (p: "measure-start" | "measure-end") => void): Promise<LoadResult> {
  const deadline = deadlineOf(scenario);
  const child = fork(benchScript("loadgen.js"), ["--child"], { stdio: ["ignore", 2, 2, "ipc"] });
  return new Promise((done, fail) => {
    let result: LoadResult | null = null;
    let error: string | null = null;
    const killed = setTimeout(() => child.kill("SIGKILL"), (deadline + 20) * 1000);
    child.on("message", (m: LoadMessage) => {
      if (m.type === "phase") onPhase(m.phase);
      else if (m.type === "result") result = m.result;
      else error = m.error;
    });
    child.once("exit", (code) => {
      clearTimeout(killed);
      if (result) done(result);
      else fail(new Error(`load generator failed (exit ${code}): ${error ?? "no result"}`));
    });
    const command: RunCommand = { type: "run", port: ports[0]!, ports: [...ports], scenario, deadline, endpoint };
    child.send(command);
  });
}
