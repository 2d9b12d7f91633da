/**
 * Issue 7: the gallery's `stream` demo added an abort listener to the event's signal per word
 * and never removed it, so a long stream warned "MaxListenersExceededWarning: Possible
 * EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]".
 */
import { execFile } from "node:child_process";
import { getEventListeners } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "@jest/globals";
import { stream } from "@vitrine/demo-gallery";
import type { EventContext } from "vitrine";

describe("the gallery's stream demo", () => {
  it("keeps at most one abort listener on the event's signal while it streams, and none after", async () => {
    const fn = stream({ delayMs: 0 }).dependencies[0]!.fn as (text: string, ctx: Partial<EventContext>) => AsyncGenerator<string>;
    const controller = new AbortController();
    const counts: number[] = [];
    let last = "";
    for await (const shown of fn(Array.from({ length: 30 }, (_, i) => `w${i}`).join(" "), { signal: controller.signal })) {
      counts.push(getEventListeners(controller.signal, "abort").length);
      last = shown;
    }
    expect(last.split(" ")).toHaveLength(30);
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("stops at once when the signal aborts", async () => {
    const fn = stream({ delayMs: 60_000 }).dependencies[0]!.fn as (text: string, ctx: Partial<EventContext>) => AsyncGenerator<string>;
    const controller = new AbortController();
    const gen = fn("a b c", { signal: controller.signal });
    const first = gen.next();
    controller.abort();
    await expect(first).resolves.toMatchObject({ done: false, value: "a" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    await gen.return(undefined);
  });

  it("served, streams 60 words without a MaxListenersExceededWarning (process.on('warning'), built packages)", async () => {
    const script = fileURLToPath(new URL("./fixtures/stream-warnings.mjs", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script, "60"], { timeout: 30_000 });
    const result = JSON.parse(stdout.trim().split("\n").pop()!) as { data: string[]; warnings: { name: string; message: string }[] };
    expect(result.data[0]!.split(" ")).toHaveLength(60);
    expect(result.warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
  });
});
