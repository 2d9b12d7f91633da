/**
 * The `vitrine` CLI as a child process, for the cli-* and browser-cli-* tests: it runs the
 * built bin (packages/vitrine/dist/cli/main.js) with a clean environment (no jest flags), and
 * collects what it prints.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI. */
export const CLI = fileURLToPath(new URL("../../../packages/vitrine/dist/cli/main.js", import.meta.url));
/** The vitrine package folder (what a temp project's `node_modules/vitrine` links to). */
export const VITRINE_DIR = fileURLToPath(new URL("../../../packages/vitrine", import.meta.url));
/** The monorepo's root. */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** The environment the CLI runs with: this one without jest's NODE_OPTIONS. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/** A folder with `package.json` (`type: module`) and `node_modules/vitrine`, as a user's project. */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "vitrine-cli-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "cli-test-app", private: true, type: "module" }));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(VITRINE_DIR, join(dir, "node_modules", "vitrine"), "dir");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A running CLI: its output so far, and helpers to wait for a line. */
export class CliProcess {
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private waiters: (() => void)[] = [];

  constructor(args: readonly string[], cwd: string) {
    this.child = spawn(process.execPath, [CLI, ...args], { cwd, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.on("data", (chunk: Buffer) => this.append("stdout", chunk.toString()));
    this.child.stderr!.on("data", (chunk: Buffer) => this.append("stderr", chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
    void this.exited.then(() => this.wake());
  }

  /** Waits until stdout+stderr match `pattern` (or the process exits: then it throws with the output). */
  async waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = (this.stdout + this.stderr).match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`The CLI never printed ${pattern} (exit code ${this.child.exitCode}).\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  /** Stops the CLI (SIGTERM) and waits for it to end. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
    await this.exited;
  }

  private append(stream: "stdout" | "stderr", text: string): void {
    this[stream] += text;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Runs the CLI to its end; resolves with its exit code and output. */
export async function runCli(args: readonly string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = new CliProcess(args, cwd);
  const code = await cli.exited;
  return { code, stdout: cli.stdout, stderr: cli.stderr };
}
