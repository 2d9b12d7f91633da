/** Concurrency limits, observed through the official client: order and overlap, not times. */
import { afterEach, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An app whose one function takes 300 ms and records when each call ran. */
function timedApp(limit?: number | null) {
  const spans: { start: number; end: number }[] = [];
  const app = vt.Blocks(() => {
    const n = vt.Number({ label: "n" });
    const out = vt.Number({ label: "out" });
    vt.Button("Run").click({
      fn: async (x: number) => {
        const span = { start: performance.now(), end: 0 };
        spans.push(span);
        await sleep(300);
        span.end = performance.now();
        return x;
      },
      inputs: [n],
      outputs: [out],
      api_name: "work",
      ...(limit === undefined ? {} : { concurrency_limit: limit }),
    });
  });
  return { app, spans };
}

/** Largest number of spans running at one instant. */
function peakOverlap(spans: { start: number; end: number }[]): number {
  return Math.max(...spans.map((s) => spans.filter((o) => o.start <= s.start && o.end > s.start).length));
}

describe("concurrency limits", () => {
  let served: Served | null = null;
  afterEach(async () => {
    await served?.close();
    served = null;
  });

  it("runs five events one after another under the default limit of 1", async () => {
    const { app, spans } = timedApp();
    served = await serveAtRoot(app);
    const client = await Client.connect(served.url);
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => client.predict("/work", [i])));
    expect(results.map((r: { data: unknown }) => r.data)).toEqual([[1], [2], [3], [4], [5]]);
    expect(spans).toHaveLength(5);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(peakOverlap(spans)).toBe(1);
  });

  it("overlaps five events with concurrency_limit 5, and with no limit", async () => {
    for (const limit of [5, null]) {
      const { app, spans } = timedApp(limit);
      served = await serveAtRoot(app);
      const client = await Client.connect(served.url);
      await Promise.all([1, 2, 3, 4, 5].map((i) => client.predict("/work", [i])));
      expect(peakOverlap(spans)).toBe(5);
      await served.close();
      served = null;
    }
  });

  it("honours the app's default_concurrency_limit", async () => {
    const { app, spans } = timedApp();
    app.queue({ default_concurrency_limit: 2 });
    served = await serveAtRoot(app);
    const client = await Client.connect(served.url);
    await Promise.all([1, 2, 3, 4].map((i) => client.predict("/work", [i])));
    expect(peakOverlap(spans)).toBe(2);
  });
});
