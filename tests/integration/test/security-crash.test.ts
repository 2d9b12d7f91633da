/**
 * Issue 7: "A function that leaves a rejected promise unawaited (or throws from a timer) kills
 * the whole server for everyone". The app runs in a child process (the built packages), so
 * that jest's own process handlers play no part.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { Client } from "@gradio/client";

const FIXTURE = fileURLToPath(new URL("./fixtures/crash-app.mjs", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let child: ChildProcess | null = null;
afterEach(() => {
  child?.kill();
  child = null;
});

/** Starts the careless app; resolves with its URL and a live view of its stderr. */
async function start(...args: string[]): Promise<{ url: string; stderr: () => string }> {
  const proc = fork(FIXTURE, args, { stdio: ["ignore", "pipe", "pipe", "ipc"] });
  child = proc;
  let stderr = "";
  proc.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  proc.stdout!.resume();
  const [message] = (await Promise.race([
    once(proc, "message"),
    once(proc, "exit").then(() => {
      throw new Error(`the app exited before serving:\n${stderr}`);
    }),
  ])) as [{ url: string }];
  return { url: message.url, stderr: () => stderr };
}

/** Waits until the child's stderr has every pattern (the test's timeout bounds the wait). */
async function untilLogged(stderr: () => string, ...patterns: RegExp[]): Promise<void> {
  while (!patterns.every((p) => p.test(stderr()))) await sleep(10);
}

describe("A function that leaves a rejected promise unawaited (or throws from a timer) kills the whole server for everyone", () => {
  it("logs both, naming the event, and keeps serving", async () => {
    const { url, stderr } = await start();
    const client = await Client.connect(url);
    expect((await client.predict("/careless", ["first"])).data).toEqual(["ok first"]);
    await untilLogged(
      stderr,
      /\[vitrine\] Unhandled promise rejection in event \w+ of \/careless \(the server keeps running\):.*\n?.*unawaited rejection for first/,
      /\[vitrine\] Uncaught exception in event \w+ of \/careless \(the server keeps running\):.*\n?.*timer throw for first/,
    );
    expect((await client.predict("/careless", ["second"])).data).toEqual(["ok second"]);
    await untilLogged(stderr, /timer throw for second/, /unawaited rejection for second/);
    expect(child!.exitCode).toBeNull();
    expect(child!.signalCode).toBeNull();
    expect((await fetch(`${url}config`)).status).toBe(200);
  });

  it("leaves an app's own process handlers alone", async () => {
    const { url, stderr } = await start("own-handlers");
    const client = await Client.connect(url);
    expect((await client.predict("/careless", ["mine"])).data).toEqual(["ok mine"]);
    await untilLogged(stderr, /app's own handler: unawaited rejection for mine/, /app's own handler: timer throw for mine/);
    expect(stderr()).not.toContain("[vitrine]");
    expect(child!.exitCode).toBeNull();
  });
});
