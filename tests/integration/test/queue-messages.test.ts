/** Progress bars and vt.Info / vt.Warning toasts, through the official client (issue 3). */
import { describe, expect, it, jest } from "@jest/globals";
import * as vt from "vitrine";
import { collect, sleep, useApps } from "./queue-helpers.js";

async function* countTo(n: number, ms: number) {
  for (let i = 0; i < n; i++) {
    await sleep(ms);
    yield i;
  }
}

describe("progress messages", () => {
  const { serve, connect } = useApps();

  it("carries fractions, step counts and tracked loops as progress_data", async () => {
    const app = vt.Blocks(() => {
      const out = vt.Textbox({ label: "out" });
      vt.Button("Run").click({
        fn: async ({ progress }) => {
          progress(0.25, { desc: "Warming up" });
          await sleep(70);
          progress([3, 10], { desc: "Files", unit: "files" });
          await sleep(70);
          for (const _ of progress.track(["a", "b", "c"], { desc: "Letters" })) await sleep(70);
          for await (const _ of progress.track(countTo(2, 10), { desc: "Async", total: 2, unit: "rounds" })) await sleep(70);
          return "done";
        },
        outputs: [out],
        api_name: "run",
      });
    });
    const client = await connect(await serve(app));
    const { statuses, data, final } = await collect(client.submit("/run", []));
    expect(final.stage).toBe("complete");
    expect(data).toEqual([["done"]]);
    const units = statuses.filter((s) => s.progress_data).map((s) => s.progress_data);
    expect(units[0]).toEqual([{ index: null, length: null, unit: "steps", progress: 0.25, desc: "Warming up" }]);
    expect(units).toContainEqual([{ index: 3, length: 10, unit: "files", progress: null, desc: "Files" }]);
    // One message per step here (steps are 70 ms apart, the throttle is 50 ms), except that a
    // step's update may be held back a little behind the previous one.
    const letters = units.filter((u) => u[0]?.desc === "Letters").map((u) => u[0]);
    expect(letters[0]).toEqual({ index: 0, length: 3, unit: "steps", progress: null, desc: "Letters" });
    expect(letters[letters.length - 1].index).toBeGreaterThanOrEqual(2);
    const rounds = units.filter((u) => u[0]?.desc === "Async").map((u) => u[0]);
    expect(rounds.length).toBeGreaterThan(0);
    for (const u of rounds) expect(u).toMatchObject({ length: 2, unit: "rounds", progress: null });
  });

  it("reports nested loops outer first, and throttles a tight loop to a few messages", async () => {
    const app = vt.Blocks(() => {
      const out = vt.Number({ label: "out" });
      vt.Button("Nested").click({
        fn: async ({ progress }) => {
          for (const _ of progress.track(new Set(["x", "y"]), { desc: "outer" })) {
            for (const _ of progress.track([1, 2], { desc: "inner" })) await sleep(60);
          }
          return 1;
        },
        outputs: [out],
        api_name: "nested",
      });
      vt.Button("Tight").click({
        fn: ({ progress }) => {
          let sum = 0;
          for (const i of progress.track(Array.from({ length: 100_000 }, (_, i) => i), { desc: "tight" })) sum += i;
          return sum;
        },
        outputs: [out],
        api_name: "tight",
      });
    });
    const client = await connect(await serve(app));
    const nested = await collect(client.submit("/nested", []));
    const pairs = nested.statuses.filter((s) => s.progress_data?.length === 2).map((s) => s.progress_data);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs[0].map((u: { desc: string; length: number }) => [u.desc, u.length])).toEqual([
      ["outer", 2],
      ["inner", 2],
    ]);

    const tight = await collect(client.submit("/tight", []));
    expect(tight.data).toEqual([[4_999_950_000]]);
    // 100,001 steps, but at most one message per 50 ms: the first, and no trailing one after completion.
    expect(tight.statuses.filter((s) => s.progress_data).length).toBeLessThanOrEqual(2);
  });
});

describe("vt.Info and vt.Warning", () => {
  const { serve, connect } = useApps();

  function messagesApp() {
    return vt.Blocks(() => {
      const name = vt.Textbox({ label: "name" });
      const out = vt.Textbox({ label: "out" });
      vt.Button("Sync").click({
        fn: (n: string) => {
          vt.Info(`sync ${n}`);
          return n;
        },
        inputs: [name],
        outputs: [out],
        api_name: "sync",
      });
      vt.Button("Async").click({
        fn: async (n: string, ctx) => {
          await sleep(20);
          vt.Warning(`after await ${n}`, { title: "Careful", duration: 5 });
          await sleep(20);
          ctx.info(`from context ${n}`, { duration: null, visible: false });
          ctx.warning(`context warning ${n}`);
          return n;
        },
        inputs: [name],
        outputs: [out],
        api_name: "async",
        concurrency_limit: null,
      });
      vt.Button("Generator").click({
        fn: async function* (n: string) {
          vt.Info(`before yield ${n}`);
          yield "a";
          await sleep(10);
          vt.Warning(`between yields ${n}`);
          yield "b";
        },
        inputs: [name],
        outputs: [out],
        api_name: "gen",
      });
      vt.Button("Sync generator").click({
        fn: function* (n: string) {
          yield "x";
          vt.Info(`sync generator ${n}`);
          yield "y";
        },
        inputs: [name],
        outputs: [out],
        api_name: "sync_gen",
      });
    });
  }

  it("reach the caller as log messages from sync, async and generator functions", async () => {
    const client = await connect(await serve(messagesApp()));
    const sync = await collect(client.submit("/sync", ["A"]));
    expect(sync.logs).toEqual([
      expect.objectContaining({ type: "log", log: "sync A", level: "info", title: "", duration: 10, visible: true }),
    ]);
    const later = await collect(client.submit("/async", ["B"]));
    expect(later.logs.map((l) => [l.log, l.level, l.title, l.duration, l.visible])).toEqual([
      ["after await B", "warning", "Careful", 5, true],
      ["from context B", "info", "", null, false],
      ["context warning B", "warning", "", 10, true],
    ]);
    const gen = await collect(client.submit("/gen", ["C"]));
    expect(gen.logs.map((l) => l.log)).toEqual(["before yield C", "between yields C"]);
    expect(gen.data).toEqual([["a"], ["b"], ["b"]]);
    const syncGen = await collect(client.submit("/sync_gen", ["D"]));
    expect(syncGen.logs.map((l) => l.log)).toEqual(["sync generator D"]);
  });

  it("go only to the event that called them when events run at once", async () => {
    const url = await serve(messagesApp());
    const clients = await Promise.all([0, 1, 2].map(() => connect(url)));
    const results = await Promise.all(clients.map((c, i) => collect(c.submit("/async", [`u${i}`]))));
    results.forEach((r, i) => {
      expect(r.logs.map((l) => l.log)).toEqual([`after await u${i}`, `from context u${i}`, `context warning u${i}`]);
    });
  });

  it("print to the console outside an event", () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => undefined);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    vt.Info("nobody listens");
    vt.Warning("still nobody", { title: "Note" });
    expect(String(info.mock.calls[0]?.[0])).toContain("nobody listens");
    expect(String(warn.mock.calls[0]?.[0])).toContain("Note: still nobody");
    info.mockRestore();
    warn.mockRestore();
  });
});
