/**
 * A crash mid-flag leaves a valid CSV: a process flagging long rows as fast as it can is killed
 * (SIGKILL: no cleanup runs) at once, several times over on the same file, and the file is then
 * parsed strictly: whole rows only, each as written.
 */
import { describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { records, tempDir } from "../src/test-helpers.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/flag-forever.ts", import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the flagging loop until it has written 30 rows, lets it go on a little, and kills it. */
async function flagThenKill(dir: string, extraMs: number): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@vitrine/source", FIXTURE, dir], {
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, "exit");
  await Promise.race([
    once(child, "message"),
    exited.then(() => {
      throw new Error(`the flagging loop exited early:\n${stderr}`);
    }),
  ]);
  await sleep(extraMs);
  child.kill("SIGKILL");
  const [, signal] = (await exited) as [number | null, string | null];
  expect(signal).toBe("SIGKILL");
}

describe("crash safety", () => {
  it("leaves only whole rows when the flagging process is killed mid-write", async () => {
    const dir = tempDir();
    for (const extra of [0, 7, 23]) await flagThenKill(dir, extra);
    const rows = records(join(dir, "dataset1.csv"));
    expect(rows[0]).toEqual(["text", "size", "flag", "username", "timestamp"]);
    expect(rows.length).toBeGreaterThan(90);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(5);
      expect(row[0]).toHaveLength(Number(row[1]));
      expect(new Date(row[4]!).toISOString()).toBe(row[4]);
    }
  }, 60_000);
});
