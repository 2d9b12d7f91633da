/**
 * Cancellation (issue 3): a dependency's `cancels`, the client's cancel, and a dropped stream
 * all fire the function's signal, stop a generator at its next yield (its finally runs) and
 * free the concurrency slot at once.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import * as vt from "vitrine";
import { collect, sleep, useApps } from "./queue-helpers.js";

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** fn_index of each event of {@link cancelApp}. */
const FN = { slow: 0, work: 1, quick: 2, stop: 3 } as const;

/**
 * "slow" ignores its signal and takes 1.2 s; "work" is a generator yielding every 50 ms;
 * "quick" answers at once. The three share one concurrency slot. "stop" cancels slow and work.
 */
function cancelApp() {
  const rec = {
    slowStarted: deferred(),
    slowAborted: deferred<number>(),
    slowEnded: deferred<number>(),
    slowRuns: 0,
    workStarted: deferred(),
    workAborted: deferred<number>(),
    workClosed: deferred<number>(),
    workYields: 0,
    yieldsAtAbort: -1,
    quickStarts: [] as number[],
  };
  const app = vt.Blocks(() => {
    const text = vt.Textbox({ label: "text" });
    const out = vt.Textbox({ label: "out" });
    const worker = { concurrency_id: "worker", concurrency_limit: 1 } as const;
    const slow = vt.Button("Slow").click({
      fn: async (x: string, { signal }) => {
        rec.slowRuns++;
        signal.addEventListener("abort", () => rec.slowAborted.resolve(performance.now()));
        rec.slowStarted.resolve();
        await sleep(1200);
        rec.slowEnded.resolve(performance.now());
        return x;
      },
      inputs: [text],
      outputs: [out],
      api_name: "slow",
      ...worker,
    });
    const work = vt.Button("Work").click({
      fn: async function* (x: string, { signal }) {
        signal.addEventListener("abort", () => {
          rec.yieldsAtAbort = rec.workYields;
          rec.workAborted.resolve(performance.now());
        });
        rec.workStarted.resolve();
        try {
          for (let i = 0; i < 40; i++) {
            rec.workYields++;
            yield `${x} ${i}`;
            await sleep(50);
          }
        } finally {
          rec.workClosed.resolve(performance.now());
        }
      },
      inputs: [text],
      outputs: [out],
      api_name: "work",
      ...worker,
    });
    vt.Button("Quick").click({
      fn: (x: string) => {
        rec.quickStarts.push(performance.now());
        return `quick ${x}`;
      },
      inputs: [text],
      outputs: [out],
      api_name: "quick",
      ...worker,
    });
    vt.Button("Stop").click({ fn: () => "stopped", outputs: [out], cancels: [slow, work], api_name: "stop" });
  });
  return { app, rec };
}

/** Joins an event over raw HTTP. */
async function join(url: string, fn_index: number, data: unknown[], session_hash: string): Promise<string> {
  const res = await fetch(`${url}gradio_api/queue/join`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ data, fn_index, session_hash }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { event_id: string }).event_id;
}

/** Reads a session's stream to its close_stream. */
async function readStream(url: string, session: string): Promise<any[]> {
  const raw = await (await fetch(`${url}gradio_api/queue/data?session_hash=${session}`)).text();
  return raw.split("\n\n").filter(Boolean).map((block) => JSON.parse(block.slice("data: ".length)));
}

describe("cancellation", () => {
  const { serve, connect } = useApps();
  // The official client logs "Unexpected client exception" for a cancelled event's empty
  // output (as against Gradio itself, PROTOCOL.md §6.2); keep the test output readable.
  beforeEach(() => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe("by a dependency's cancels", () => {
    it("stops a running generator at its next yield and frees its slot", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      const work = collect(a.submit("/work", ["w"]));
      await rec.workStarted.promise;
      await sleep(120);
      const quick = collect(b.submit("/quick", ["b"])); // waits for the worker slot
      await sleep(50);
      expect(rec.quickStarts).toHaveLength(0);
      void a.predict("/stop", []).catch(() => undefined); // same session as "work"
      const abortedAt = await rec.workAborted.promise;
      const closedAt = await rec.workClosed.promise;
      expect(closedAt).toBeGreaterThanOrEqual(abortedAt);
      expect((await quick).data).toEqual([["quick b"]]);
      expect(rec.workYields).toBeLessThanOrEqual(rec.yieldsAtAbort + 1);
      expect(rec.workYields).toBeLessThan(40);
      expect((await work).final).not.toBeNull();
    });

    it("aborts a function that ignores its signal, and the next event starts before it would have ended", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      void collect(a.submit("/slow", ["a"]));
      await rec.slowStarted.promise;
      const quick = collect(b.submit("/quick", ["b"]));
      await sleep(50);
      void a.predict("/stop", []).catch(() => undefined);
      await rec.slowAborted.promise;
      expect((await quick).data).toEqual([["quick b"]]);
      const endedAt = await rec.slowEnded.promise;
      expect(rec.quickStarts[0]).toBeLessThan(endedAt);
    });

    it("drops the session's waiting events too, and completes each cancelled event with an empty output", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const running = await join(url, FN.slow, ["1"], "cancels-raw");
      await rec.slowStarted.promise;
      const waiting = await join(url, FN.slow, ["2"], "cancels-raw");
      const other = await join(url, FN.slow, ["3"], "someone-else");
      const stop = await join(url, FN.stop, [], "cancels-raw");
      const messages = await readStream(url, "cancels-raw");
      const completed = messages.filter((m) => m.msg === "process_completed");
      expect(completed).toHaveLength(3);
      expect(completed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ event_id: running, output: {}, success: true }),
          expect.objectContaining({ event_id: waiting, output: {}, success: true }),
          expect.objectContaining({ event_id: stop, output: expect.objectContaining({ data: ["stopped"] }) }),
        ]),
      );
      expect(messages.some((m) => m.event_id === waiting && m.msg === "process_starts")).toBe(false);
      expect(messages[messages.length - 1]).toEqual({ msg: "close_stream", event_id: null });
      // Another session's event of the same function is not cancelled: it runs.
      const others = await readStream(url, "someone-else");
      expect(others.find((m) => m.msg === "process_completed")).toMatchObject({ event_id: other, output: { data: ["3"] } });
      expect(rec.slowRuns).toBe(2);
    });
  });

  describe("by the client's cancel", () => {
    it("stops a running generator at its next yield and frees its slot", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      const job = a.submit("/work", ["w"]);
      const work = collect(job);
      await rec.workStarted.promise;
      await sleep(120);
      const quick = collect(b.submit("/quick", ["b"]));
      await sleep(50);
      await job.cancel();
      await rec.workAborted.promise;
      await rec.workClosed.promise;
      expect((await quick).data).toEqual([["quick b"]]);
      expect(rec.workYields).toBeLessThanOrEqual(rec.yieldsAtAbort + 1);
      expect((await work).final).not.toBeNull();
    });

    it("aborts a function that ignores its signal, and the next event starts before it would have ended", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      const job = a.submit("/slow", ["a"]);
      void collect(job);
      await rec.slowStarted.promise;
      const quick = collect(b.submit("/quick", ["b"]));
      await sleep(50);
      await job.cancel();
      await rec.slowAborted.promise;
      expect((await quick).data).toEqual([["quick b"]]);
      expect(rec.quickStarts[0]).toBeLessThan(await rec.slowEnded.promise);
    });
  });

  describe("by a dropped stream (a closed tab)", () => {
    it("stops a running generator at its next yield and frees its slot", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      void collect(a.submit("/work", ["w"]));
      await rec.workStarted.promise;
      await sleep(120);
      const quick = collect(b.submit("/quick", ["b"]));
      await sleep(50);
      a.close();
      await rec.workAborted.promise;
      await rec.workClosed.promise;
      expect((await quick).data).toEqual([["quick b"]]);
      expect(rec.workYields).toBeLessThanOrEqual(rec.yieldsAtAbort + 1);
    });

    it("aborts a function that ignores its signal, and the next event starts before it would have ended", async () => {
      const { app, rec } = cancelApp();
      const url = await serve(app);
      const [a, b] = await Promise.all([connect(url), connect(url)]);
      void collect(a.submit("/slow", ["a"]));
      await rec.slowStarted.promise;
      const quick = collect(b.submit("/quick", ["b"]));
      await sleep(50);
      a.close();
      await rec.slowAborted.promise;
      expect((await quick).data).toEqual([["quick b"]]);
      expect(rec.quickStarts[0]).toBeLessThan(await rec.slowEnded.promise);
    });
  });
});
