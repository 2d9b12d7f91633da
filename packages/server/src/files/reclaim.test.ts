import { describe, expect, it } from "@jest/globals";
import { ByteReclaimer, RECLAIM_EVERY } from "./reclaim.js";

describe("ByteReclaimer", () => {
  it("runs a young-generation collection after every so many bytes read", () => {
    const calls: unknown[] = [];
    const reclaimer = new ByteReclaimer(100, (options) => void calls.push(options));
    for (let i = 0; i < 10; i++) reclaimer.add(30);
    // 300 bytes: a collection at 120, 240 (the count restarts after each).
    expect(calls).toEqual([{ type: "minor" }, { type: "minor" }]);
    expect(reclaimer.active).toBe(true);
  });

  it("does nothing without V8's gc function", () => {
    const reclaimer = new ByteReclaimer(1, null);
    expect(reclaimer.active).toBe(false);
    expect(() => reclaimer.add(1 << 30)).not.toThrow();
  });

  it("gets V8's gc function by default, without giving it to the global object", () => {
    const hadGc = typeof (globalThis as { gc?: unknown }).gc === "function";
    const reclaimer = new ByteReclaimer();
    expect(reclaimer.active).toBe(true);
    reclaimer.add(RECLAIM_EVERY);
    expect(typeof (globalThis as { gc?: unknown }).gc === "function").toBe(hadGc);
  });
});
