/** Batch functions through the official client (issue 3): gathered calls, split results, errors. */
import { describe, expect, it, jest } from "@jest/globals";
import * as vt from "vitrine";
import { collect, gate, sleep, useApps, waitFor } from "./queue-helpers.js";

describe("batch: true", () => {
  const { serve, connect, untilWaiting } = useApps();

  /** The first batch (the one holding "first") waits for `hold` before it runs. */
  function trimApp(batches: { words: string[]; lengths: number[] }[], max_batch_size = 3, hold: Promise<void> | null = null) {
    return vt.Blocks(() => {
      const word = vt.Textbox({ label: "word" });
      const length = vt.Number({ label: "length" });
      const trimmed = vt.Textbox({ label: "trimmed" });
      const size = vt.Number({ label: "batch size" });
      vt.Button("Trim").click({
        fn: async (words: string[], lengths: number[]): Promise<[string[], number[]]> => {
          batches.push({ words, lengths });
          if (words.includes("first") && hold) await hold;
          if (words.includes("boom")) throw new vt.Error(`Bad batch of ${words.length}`);
          await sleep(20);
          return [words.map((w, i) => w.slice(0, lengths[i])), words.map(() => words.length)];
        },
        inputs: [word, length],
        outputs: [trimmed, size],
        batch: true,
        max_batch_size,
        api_name: "trim",
      });
    });
  }

  it("gathers waiting calls into one call with lists, and gives each caller its own result", async () => {
    const batches: { words: string[]; lengths: number[] }[] = [];
    const hold = gate();
    const app = trimApp(batches, 3, hold.promise);
    const url = await serve(app);
    const clients = await Promise.all([0, 1].map(() => connect(url)));
    const words = ["first", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"];
    const first = collect(clients[0]!.submit("/trim", ["first", 1]));
    await waitFor(() => batches.length === 1); // "first" runs alone and holds the slot
    const rest = words.slice(1).map((w, i) => collect(clients[i % 2]!.submit("/trim", [w, i + 2])));
    await untilWaiting(app, 6);
    hold.release();
    const results = await Promise.all([first, ...rest]);
    results.forEach((r, i) => {
      expect(r.final.stage).toBe("complete");
      expect(r.data).toHaveLength(1);
      expect(r.data[0]![0]).toBe(words[i]!.slice(0, i + 1));
    });
    // Inputs were preprocessed item by item (Number turns the wire values into numbers).
    for (const b of batches) for (const l of b.lengths) expect(typeof l).toBe("number");
    // The six waiting calls ran as two batches of max_batch_size.
    expect(batches.map((b) => b.words)).toEqual([["first"], ["bravo", "charlie", "delta"], ["echo", "foxtrot", "golf"]]);
    // Each caller's second output is the size of the batch it was part of.
    expect(results.map((r) => r.data[0]![1])).toEqual([1, 3, 3, 3, 3, 3, 3]);
  });

  it("fails every call of a batch whose function throws, and only those", async () => {
    const batches: { words: string[]; lengths: number[] }[] = [];
    const hold = gate();
    const app = trimApp(batches, 4, hold.promise);
    const client = await connect(await serve(app));
    const first = collect(client.submit("/trim", ["first", 2]));
    await waitFor(() => batches.length === 1);
    const rest = ["ok", "boom", "fine"].map((w) => collect(client.submit("/trim", [w, 1])));
    await untilWaiting(app, 3);
    hold.release();
    const results = await Promise.all([first, ...rest]);
    expect(results[0]!.final.stage).toBe("complete");
    expect(batches[1]!.words).toEqual(["ok", "boom", "fine"]);
    for (const r of results.slice(1)) expect(r.final).toMatchObject({ stage: "error", message: "Bad batch of 3" });
  });

  it("fails only the call whose input does not preprocess", async () => {
    const batches: { words: string[]; lengths: number[] }[] = [];
    const hold = gate();
    const app = trimApp(batches, 4, hold.promise);
    const client = await connect(await serve(app));
    const first = collect(client.submit("/trim", ["first", 2]));
    await waitFor(() => batches.length === 1);
    const rest = [
      collect(client.submit("/trim", ["good", 2])),
      collect(client.submit("/trim", ["bad", null])),
      collect(client.submit("/trim", ["fine", 3])),
    ];
    await untilWaiting(app, 3);
    hold.release();
    const [, good, bad, fine] = await Promise.all([first, ...rest]);
    expect(good!.data[0]).toEqual(["go", 2]);
    expect(fine!.data[0]).toEqual(["fin", 2]);
    expect(bad!.final).toMatchObject({ stage: "error", message: expect.stringMatching(/required/) });
  });

  it("reports a function that does not return one list per output as an error", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const app = vt.Blocks(() => {
      const x = vt.Number({ label: "x" });
      const y = vt.Number({ label: "y" });
      vt.Button("Double").click({
        fn: (xs: number[]) => xs.map((v) => v * 2) as unknown as [number[]],
        inputs: [x],
        outputs: [y],
        batch: true,
        api_name: "double",
      });
    });
    const url = await serve(app, { show_error: true });
    const client = await connect(url);
    const r = await collect(client.submit("/double", [2]));
    expect(r.final).toMatchObject({ stage: "error", message: expect.stringMatching(/must return 1 list/) });
    error.mockRestore();
  });
});
