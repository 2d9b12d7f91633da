/**
 * The queue's limits through the official client (issue 3): estimations with ranks and ETAs,
 * concurrency groups shared by several events, and max_size.
 */
import { describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { postJson } from "./harness.js";
import { collect, estimations, gate, sleep, useApps } from "./queue-helpers.js";

/** Spans of time during which calls ran, by event name. */
type Span = { name: string; start: number; end: number };

function peak(spans: Span[]): number {
  return Math.max(...spans.map((s) => spans.filter((o) => o.start <= s.start && o.end > s.start).length));
}

/** An app with slow events "a", "b" and "c" sharing concurrency groups as asked. */
function groupedApp(
  options: Record<"a" | "b" | "c", { concurrency_id?: string; concurrency_limit?: number | null }>,
  ms = 300,
  hold: Promise<void> | null = null,
) {
  const spans: Span[] = [];
  const app = vt.Blocks(() => {
    const n = vt.Number({ label: "n" });
    const out = vt.Number({ label: "out" });
    for (const name of ["a", "b", "c"] as const) {
      vt.Button(name).click({
        fn: async (x: number) => {
          const span = { name, start: performance.now(), end: Infinity };
          spans.push(span);
          if (hold && spans.length === 1) await hold;
          await sleep(ms);
          span.end = performance.now();
          return x;
        },
        inputs: [n],
        outputs: [out],
        api_name: name,
        ...options[name],
      });
    }
  });
  return { app, spans };
}

describe("estimation messages", () => {
  const { serve, connect, untilWaiting } = useApps();

  /** A limit-1 function taking `ms`; its first call also waits for `hold` (while the others join). */
  function slowApp(ms: number, hold: Promise<void>) {
    let calls = 0;
    return vt.Blocks(() => {
      const n = vt.Number({ label: "n" });
      const out = vt.Number({ label: "out" });
      vt.Button("Run").click({
        fn: async (x: number) => {
          if (calls++ === 0) await hold;
          await sleep(ms);
          return x;
        },
        inputs: [n],
        outputs: [out],
        api_name: "slow",
        concurrency_limit: 1,
      });
    });
  }

  it("tell a waiting caller its rank as it moves up, with an ETA once a call was measured", async () => {
    const hold = gate();
    const app = slowApp(200, hold.promise);
    const client = await connect(await serve(app, { status_update_rate: "auto" }));
    const calls = [1, 2, 3, 4].map((i) => collect(client.submit("/slow", [i])));
    await untilWaiting(app, 3);
    hold.release();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.data)).toEqual([[[1]], [[2]], [[3]], [[4]]]);
    const last = results.find((r) => estimations(r.statuses)[0]?.position === 2)!;
    expect(last).toBeDefined();
    const seen = estimations(last.statuses);
    expect(seen.map((s) => s.position)).toEqual([2, 1, 0]);
    expect(seen[0]).toMatchObject({ size: 3, eta: null });
    // The first call has finished by the time the ranks move: the ETA is measured.
    expect(seen[1]!.eta).toBeGreaterThan(0);
    expect(seen[2]!.eta).toBeGreaterThan(0);
    expect(seen[1]!.eta!).toBeGreaterThan(seen[2]!.eta!);
    const starts = last.statuses.find((s) => s.original_msg === "process_starts");
    expect(starts.eta).toBeGreaterThan(0);
  });

  it("batch rank updates by default: positions only go down, and each caller starts", async () => {
    const hold = gate();
    const app = slowApp(150, hold.promise);
    const client = await connect(await serve(app));
    const calls = [1, 2, 3, 4, 5].map((i) => collect(client.submit("/slow", [i])));
    await untilWaiting(app, 4);
    hold.release();
    const results = await Promise.all(calls);
    expect(results.every((r) => r.final.stage === "complete")).toBe(true);
    const positions = results.map((r) => estimations(r.statuses).map((s) => s.position));
    expect(positions.map((p) => p[0]).sort()).toEqual([0, 0, 1, 2, 3]);
    for (const p of positions) expect([...p].sort((x, y) => y - x)).toEqual(p);
    // The first rank change after a quiet time goes out at once.
    expect(positions.some((p) => p.length > 1)).toBe(true);
  });
});

describe("concurrency groups", () => {
  const { serve, connect } = useApps();

  it("holds events sharing a concurrency_id to the lowest limit of the group", async () => {
    const { app, spans } = groupedApp({
      a: { concurrency_id: "gpu", concurrency_limit: 3 },
      b: { concurrency_id: "gpu", concurrency_limit: 2 },
      c: { concurrency_limit: null },
    });
    const client = await connect(await serve(app));
    const calls = ["/a", "/a", "/a", "/b", "/b", "/c", "/c", "/c"].map((e, i) => client.predict(e, [i]));
    expect((await Promise.all(calls)).map((r: any) => r.data[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak(spans.filter((s) => s.name !== "c"))).toBe(2);
    expect(peak(spans.filter((s) => s.name === "c"))).toBe(3);
  });

  it("applies default_concurrency_limit to events of a group that set no limit", async () => {
    const { app, spans } = groupedApp({ a: { concurrency_id: "shared" }, b: { concurrency_id: "shared" }, c: {} });
    app.queue({ default_concurrency_limit: 2 });
    const client = await connect(await serve(app));
    await Promise.all(["/a", "/b", "/a", "/b", "/c", "/c", "/c"].map((e, i) => client.predict(e, [i])));
    expect(peak(spans.filter((s) => s.name !== "c"))).toBe(2);
    expect(peak(spans.filter((s) => s.name === "c"))).toBe(2);
  });

  it("lets an unlimited group share an id with no limit at all", async () => {
    const { app, spans } = groupedApp({
      a: { concurrency_id: "free", concurrency_limit: null },
      b: { concurrency_id: "free", concurrency_limit: null },
      c: {},
    });
    const client = await connect(await serve(app));
    await Promise.all(["/a", "/b", "/a", "/b"].map((e, i) => client.predict(e, [i])));
    expect(peak(spans)).toBe(4);
  });
});

describe("max_size", () => {
  const { serve, connect, untilWaiting } = useApps();

  it("refuses a join beyond max_size with 503 and loses nothing already queued", async () => {
    const hold = gate();
    const { app } = groupedApp({ a: { concurrency_limit: 1 }, b: {}, c: {} }, 50, hold.promise);
    app.queue({ max_size: 2 });
    const url = await serve(app);
    const client = await connect(url);
    // One runs (held), two wait: the queue is full.
    const queued = [1, 2, 3].map((i) => collect(client.submit("/a", [i])));
    await untilWaiting(app, 2);
    const refused = await collect((await connect(url)).submit("/a", [4]));
    expect(refused.final).toMatchObject({ stage: "error", message: expect.stringMatching(/busy/) });
    const raw = await postJson(`${url}gradio_api/queue/join`, { data: [5], fn_index: 0, session_hash: "raw-full" });
    expect(raw.status).toBe(503);
    expect(raw.body.detail).toMatch(/^Queue is full/);
    hold.release();
    const done = await Promise.all(queued);
    expect(done.map((r) => [r.final.stage, r.data])).toEqual([
      ["complete", [[1]]],
      ["complete", [[2]]],
      ["complete", [[3]]],
    ]);
    // Once there is room again, joins are accepted.
    expect((await client.predict("/a", [6])).data).toEqual([6]);
  });
});
