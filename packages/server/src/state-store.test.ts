import { describe, expect, it } from "@jest/globals";
import { Blocks, type Dependency } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { SessionLifecycle } from "./session-lifecycle.js";
import { StateStore, type StateLike } from "./state-store.js";

/** A State as the store sees it. */
function state(id: number, initial: () => unknown, ttlMs: number | null = null, deleted: unknown[] = []): StateLike & { type: "state" } {
  return { id, type: "state", initialValue: initial, timeToLiveMs: ttlMs, deleted: async (v) => void deleted.push(v) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("StateStore", () => {
  it("keeps a value per session, starting from the initial value, and says when it changed", () => {
    const store = new StateStore();
    const s = state(1, () => ({ n: 0 }));
    expect(store.get("a", s)).toEqual({ n: 0 });
    expect(store.set("a", s, { n: 1 })).toBe(true);
    expect(store.set("a", s, { n: 1 })).toBe(false);
    expect(store.get("a", s)).toEqual({ n: 1 });
    expect(store.get("b", s)).toEqual({ n: 0 });
  });

  it("puts State inputs in and takes State outputs out of an event's values", () => {
    const store = new StateStore();
    let text!: ReturnType<typeof Textbox>;
    const s = state(99, () => "start") as unknown as ReturnType<typeof Textbox>;
    let dep!: Dependency;
    Blocks(() => {
      text = Textbox();
      dep = text.submit({ fn: (a: string, b: string) => [a, b], inputs: [text, s], outputs: [s, text] });
    });
    expect(store.inputs("a", dep, ["typed", null])).toEqual(["typed", "start"]);
    expect(store.outputs("a", dep, ["kept", "shown"])).toEqual({ data: [null, "shown"], changed: [99] });
    expect(store.inputs("a", dep, ["x", null])).toEqual(["x", "kept"]);
    expect(store.outputs("a", dep, [{ __type__: "update", visible: false }, "y"])).toEqual({ data: [null, "y"], changed: [] });
  });

  it("deletes a value its time to live after it was last set, and all of a session's values when it ends", async () => {
    const deleted: unknown[] = [];
    const store = new StateStore();
    const short = state(1, () => 0, 40, deleted);
    const long = state(2, () => "kept", null, deleted);
    store.set("a", short, 5);
    store.get("a", long);
    await sleep(80);
    expect(deleted).toEqual([5]);
    expect(store.get("a", short)).toBe(0);
    store.end("a");
    await sleep(0);
    expect(deleted.slice(1)).toEqual(expect.arrayContaining([0, "kept"]));
    expect(deleted).toHaveLength(3);
    expect(store.size).toBe(0);
  });
});

describe("SessionLifecycle", () => {
  it("ends a session once its last live channel closed for the grace period, unless it reopens", async () => {
    const ended: string[] = [];
    const life = new SessionLifecycle({ closeGraceMs: 30, idleMs: 60_000 }, (h) => ended.push(h));
    life.opened("a");
    life.opened("a");
    life.closed("a");
    life.opened("b");
    life.closed("b");
    await sleep(10);
    life.opened("b"); // a reload within the grace period keeps it
    await sleep(60);
    expect(ended).toEqual([]);
    life.closed("a");
    await sleep(60);
    expect(ended).toEqual(["a"]);
    life.close();
  });

  it("ends sessions with no live channel after they go unused", () => {
    let now = 0;
    const ended: string[] = [];
    const life = new SessionLifecycle({ closeGraceMs: 10, idleMs: 1000, now: () => now }, (h) => ended.push(h));
    life.touch("api");
    life.opened("page");
    now = 999;
    life.sweep();
    life.touch("api");
    now = 1998;
    life.sweep();
    expect(ended).toEqual([]);
    now = 2000;
    life.sweep();
    expect(ended).toEqual(["api"]);
    expect(life.has("page")).toBe(true);
    life.close();
  });
});
