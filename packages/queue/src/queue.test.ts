import { describe, expect, it } from "@jest/globals";
import { Queue, QueueFullError, type BatchOutcome, type BatchSpec, type JobControl, type JobEvent, type Task } from "./index.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Tracked = Task & { events: JobEvent[]; done: Promise<JobEvent> };

function task(
  start: NonNullable<Task["start"]>,
  opts: Partial<Pick<Task, "concurrencyId" | "concurrencyLimit">> = {},
): Tracked {
  const events: JobEvent[] = [];
  let resolve!: (e: JobEvent) => void;
  const done = new Promise<JobEvent>((r) => (resolve = r));
  return {
    concurrencyId: opts.concurrencyId ?? "f",
    concurrencyLimit: opts.concurrencyLimit === undefined ? 1 : opts.concurrencyLimit,
    start,
    events,
    done,
    onEvent(e) {
      events.push(e);
      if (e.type === "completed" || e.type === "failed" || e.type === "cancelled") resolve(e);
    },
  };
}

/** A batch task carrying `input`, whose batch run is `run`. */
function batchTask(
  input: number,
  run: BatchSpec["run"],
  opts: { key?: string; maxSize?: number; concurrencyLimit?: number | null } = {},
): Tracked & { input: number } {
  const events: JobEvent[] = [];
  let resolve!: (e: JobEvent) => void;
  const done = new Promise<JobEvent>((r) => (resolve = r));
  return {
    input,
    concurrencyId: "batch",
    concurrencyLimit: opts.concurrencyLimit === undefined ? 1 : opts.concurrencyLimit,
    batch: { key: opts.key ?? "double", maxSize: opts.maxSize ?? 3, run },
    events,
    done,
    onEvent(e) {
      events.push(e);
      if (e.type === "completed" || e.type === "failed" || e.type === "cancelled") resolve(e);
    },
  };
}

const inputsOf = (tasks: readonly Task[]) => tasks.map((t) => (t as unknown as { input: number }).input);

describe("Queue", () => {
  it("runs jobs of one concurrency group one at a time, in order, under limit 1", async () => {
    const q = new Queue();
    const log: string[] = [];
    const tasks = [0, 1, 2].map((i) =>
      task(async () => {
        log.push(`start ${i}`);
        await sleep(20);
        log.push(`end ${i}`);
        return i;
      }),
    );
    tasks.forEach((t) => q.push(t));
    await Promise.all(tasks.map((t) => t.done));
    expect(log).toEqual(["start 0", "end 0", "start 1", "end 1", "start 2", "end 2"]);
    expect(tasks[2]!.events[0]).toMatchObject({ type: "estimation", rank: 1, queueSize: 2 });
  });

  it("overlaps jobs under a higher limit, and unlimited with null", async () => {
    for (const limit of [3, null]) {
      const q = new Queue();
      let active = 0;
      let peak = 0;
      const tasks = [0, 1, 2].map(() =>
        task(
          async () => {
            peak = Math.max(peak, ++active);
            await sleep(20);
            active--;
          },
          { concurrencyLimit: limit },
        ),
      );
      tasks.forEach((t) => q.push(t));
      await Promise.all(tasks.map((t) => t.done));
      expect(peak).toBe(3);
    }
  });

  it("lets a job of another group pass a full group", async () => {
    const q = new Queue();
    const log: string[] = [];
    const a1 = task(async () => { await sleep(30); log.push("a1"); }, { concurrencyId: "a" });
    const a2 = task(async () => { log.push("a2"); }, { concurrencyId: "a" });
    const b = task(async () => { log.push("b"); }, { concurrencyId: "b" });
    [a1, a2, b].forEach((t) => q.push(t));
    await Promise.all([a1.done, a2.done, b.done]);
    expect(log).toEqual(["b", "a1", "a2"]);
  });

  it("streams each yield of sync and async generators and ends with the last value", async () => {
    const q = new Queue();
    const sync = task(function* () { yield "a"; yield "ab"; });
    const asyncGen = task(async function* () { yield 1; await sleep(1); yield 2; });
    q.push(sync);
    q.push(asyncGen);
    expect(await sync.done).toMatchObject({ type: "completed", value: "ab" });
    expect(await asyncGen.done).toMatchObject({ type: "completed", value: 2 });
    expect(sync.events.filter((e) => e.type === "output").map((e) => (e as { value: unknown }).value)).toEqual(["a", "ab"]);
  });

  it("reports a throw as failed and keeps running later jobs", async () => {
    const q = new Queue();
    const bad = task(() => { throw new Error("boom"); });
    const good = task(() => "fine");
    q.push(bad);
    q.push(good);
    expect(await bad.done).toMatchObject({ type: "failed" });
    expect(await good.done).toMatchObject({ type: "completed", value: "fine" });
  });

  it("cancels a running generator at its next yield, aborts its signal and frees the slot", async () => {
    const q = new Queue();
    let closed = false;
    let signalFired = false;
    const slow = task(async function* ({ signal }) {
      signal.addEventListener("abort", () => (signalFired = true));
      try {
        for (let i = 0; ; i++) {
          yield i;
          await sleep(5);
        }
      } finally {
        closed = true;
      }
    });
    const next = task(() => "after");
    const job = q.push(slow);
    q.push(next);
    await sleep(20);
    job.cancel();
    expect(await slow.done).toEqual({ type: "cancelled" });
    expect(await next.done).toMatchObject({ type: "completed", value: "after" });
    await sleep(10);
    expect(signalFired).toBe(true);
    expect(closed).toBe(true);
  });

  it("refuses jobs beyond maxSize without losing queued ones", async () => {
    const q = new Queue({ maxSize: 1 });
    const running = task(() => sleep(20));
    const waiting = task(() => "kept");
    q.push(running);
    q.push(waiting);
    expect(() => q.push(task(() => 1))).toThrow(QueueFullError);
    expect(await waiting.done).toMatchObject({ type: "completed", value: "kept" });
  });

  it("holds a concurrency group to the lowest limit of its tasks", async () => {
    const q = new Queue();
    let active = 0;
    let peak = 0;
    const work = async () => {
      peak = Math.max(peak, ++active);
      await sleep(15);
      active--;
    };
    const tasks = [
      task(work, { concurrencyId: "shared", concurrencyLimit: 3 }),
      task(work, { concurrencyId: "shared", concurrencyLimit: 2 }),
      task(work, { concurrencyId: "shared", concurrencyLimit: 3 }),
      task(work, { concurrencyId: "shared", concurrencyLimit: null }),
      task(work, { concurrencyId: "shared", concurrencyLimit: 3 }),
    ];
    tasks.forEach((t) => q.push(t));
    await Promise.all(tasks.map((t) => t.done));
    expect(peak).toBe(2);
  });

  it("re-sends estimations when ranks shift, with an ETA once a run was measured", async () => {
    const q = new Queue({ updateInterval: 0 });
    const tasks = [0, 1, 2, 3].map(() => task(() => sleep(20)));
    tasks.forEach((t) => q.push(t));
    await Promise.all(tasks.map((t) => t.done));
    const last = tasks[3]!.events.filter((e) => e.type === "estimation") as Extract<JobEvent, { type: "estimation" }>[];
    expect(last.map((e) => e.rank)).toEqual([2, 1, 0]);
    expect(last[0]).toMatchObject({ queueSize: 3, rankEta: null });
    expect(last[1]!.rankEta).toBeGreaterThan(0);
    expect(tasks[3]!.events.find((e) => e.type === "started")).toMatchObject({ eta: expect.any(Number) });
    expect(tasks[0]!.events[0]).toEqual({ type: "estimation", rank: 0, queueSize: 1, rankEta: null });
  });

  it("estimates rank ETAs in rounds of the group's limit", async () => {
    const q = new Queue({ updateInterval: 0 });
    const first = [0, 1].map(() => task(() => sleep(10), { concurrencyLimit: 2 }));
    first.forEach((t) => q.push(t));
    await Promise.all(first.map((t) => t.done));
    const blockers = [0, 1].map(() => task(() => sleep(30), { concurrencyLimit: 2 }));
    blockers.forEach((t) => q.push(t));
    const waiting = [0, 1, 2].map(() => task(() => undefined, { concurrencyLimit: 2 }));
    waiting.forEach((t) => q.push(t));
    const etas = waiting.map((t) => (t.events[0] as { rankEta: number }).rankEta);
    expect(etas[1]).toBeCloseTo(etas[0]!, 6); // ranks 0 and 1 start in the same round
    expect(etas[2]).toBeCloseTo(etas[0]! * 2, 6);
    await Promise.all([...blockers, ...waiting].map((t) => t.done));
  });

  it("batches rank updates into at most one pass per update interval", async () => {
    const q = new Queue({ updateInterval: 10_000 });
    const tasks = Array.from({ length: 6 }, () => task(() => sleep(5)));
    tasks.forEach((t) => q.push(t));
    await Promise.all(tasks.map((t) => t.done));
    const ranks = tasks[5]!.events.filter((e) => e.type === "estimation").map((e) => (e as { rank: number }).rank);
    expect(ranks).toEqual([4, 3]); // on join, then the first pass; the next pass would be 10 s later
    q.close();
  });

  it("keeps a long queue cheap: each job gets a bounded number of estimations, not one per start", async () => {
    const q = new Queue({ updateInterval: 1000 });
    const tasks = Array.from({ length: 3000 }, (_, i) => task(() => i));
    tasks.forEach((t) => q.push(t));
    await Promise.all(tasks.map((t) => t.done));
    const estimations = tasks.reduce((n, t) => n + t.events.filter((e) => e.type === "estimation").length, 0);
    expect(estimations).toBeLessThanOrEqual(2 * tasks.length); // with one per start it would be ~4.5 million
    q.close();
  });

  it("moves later jobs up when a waiting job is cancelled", async () => {
    const q = new Queue({ updateInterval: 0 });
    const blocker = task(() => sleep(30));
    const a = task(() => "a");
    const b = task(() => "b");
    q.push(blocker);
    const jobA = q.push(a);
    q.push(b);
    jobA.cancel();
    expect(await a.done).toEqual({ type: "cancelled" });
    expect(a.events.some((e) => e.type === "started")).toBe(false);
    await b.done;
    expect(b.events.filter((e) => e.type === "estimation").map((e) => (e as { rank: number }).rank)).toEqual([1, 0]);
  });

  it("gathers waiting jobs of one batch key into batches of at most maxSize", async () => {
    const q = new Queue();
    const batches: number[][] = [];
    const run = async (tasks: readonly Task[]): Promise<BatchOutcome[]> => {
      batches.push(inputsOf(tasks));
      await sleep(10);
      return inputsOf(tasks).map((n) => ({ value: n * 2 }));
    };
    const tasks = [1, 2, 3, 4, 5, 6].map((n) => batchTask(n, run));
    tasks.forEach((t) => q.push(t));
    const results = await Promise.all(tasks.map((t) => t.done));
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
    expect(results.map((r) => (r as { value: number }).value)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it("fails only the jobs whose outcome is an error, and every job when the batch throws", async () => {
    const q = new Queue();
    const mixed = async (tasks: readonly Task[]): Promise<BatchOutcome[]> =>
      inputsOf(tasks).map((n) => (n % 2 ? { value: n } : { error: new Error(`bad ${n}`) }));
    const blocker = batchTask(0, async () => [{ value: await sleep(10) }], { key: "other" });
    q.push(blocker);
    const tasks = [1, 2, 3].map((n) => batchTask(n, mixed));
    tasks.forEach((t) => q.push(t));
    expect((await Promise.all(tasks.map((t) => t.done))).map((e) => e.type)).toEqual(["completed", "failed", "completed"]);

    const throwing = [1, 2].map((n) =>
      batchTask(n, async () => {
        throw new Error("all bad");
      }),
    );
    q.push(batchTask(0, async () => [{ value: await sleep(10) }], { key: "other" }));
    throwing.forEach((t) => q.push(t));
    expect((await Promise.all(throwing.map((t) => t.done))).map((e) => e.type)).toEqual(["failed", "failed"]);
  });

  it("aborts a running batch only when all of its jobs are cancelled", async () => {
    const q = new Queue();
    let aborted = 0;
    const run = (tasks: readonly Task[], signal: AbortSignal): Promise<BatchOutcome[]> =>
      new Promise((resolve) => {
        signal.addEventListener("abort", () => aborted++);
        setTimeout(() => resolve(tasks.map(() => ({ value: "late" }))), 40);
      });
    const blocker = batchTask(0, async () => [{ value: await sleep(10) }], { key: "other" });
    q.push(blocker);
    const tasks = [1, 2].map((n) => batchTask(n, run));
    const jobs = tasks.map((t) => q.push(t));
    const after = batchTask(3, async () => [{ value: "next" }], { key: "third" });
    q.push(after);
    await blocker.done;
    await sleep(5);
    jobs[0]!.cancel();
    expect(aborted).toBe(0);
    jobs[1]!.cancel();
    expect(aborted).toBe(1);
    expect(await after.done).toMatchObject({ type: "completed", value: "next" });
    expect(await tasks[0]!.done).toEqual({ type: "cancelled" });
  });

  it("makes a job's AbortSignal only when asked for, already aborted when asked for late", async () => {
    const q = new Queue();
    let control!: JobControl;
    const job = q.push(task((c) => {
      control = c;
      return sleep(10);
    }));
    job.cancel();
    expect(control.aborted).toBe(true);
    expect(control.signal.aborted).toBe(true);
  });

  it("forgets a transient group once its jobs ended or were cancelled, and keeps ordinary ones", async () => {
    const q = new Queue();
    const kept = task(() => 1, { concurrencyId: "kept" });
    q.push(kept);
    const runs = Array.from({ length: 3 }, (_, i) => ({ ...task(() => sleep(5), { concurrencyId: `run:${i}` }), transientGroup: true }));
    for (const t of runs) q.push(t);
    // Two in one transient group: the second waits, then is cancelled; the first is cancelled while it runs.
    const first = { ...task(() => sleep(50), { concurrencyId: "run:x" }), transientGroup: true };
    const second = { ...task(() => "never", { concurrencyId: "run:x" }), transientGroup: true };
    const firstJob = q.push(first);
    const secondJob = q.push(second);
    expect(q.groupCount).toBe(5);
    await Promise.all(runs.map((t) => t.done));
    await kept.done;
    expect(q.groupCount).toBe(2);
    secondJob.cancel();
    expect(q.groupCount).toBe(2);
    firstJob.cancel();
    expect(await first.done).toEqual({ type: "cancelled" });
    expect(q.groupCount).toBe(1);
    // A group made again after it was forgotten works as new.
    const again = { ...task(() => 2, { concurrencyId: "run:0" }), transientGroup: true };
    q.push(again);
    expect((await again.done).type).toBe("completed");
    expect(q.groupCount).toBe(1);
  });

  it("close() cancels waiting jobs", async () => {
    const q = new Queue();
    q.push(task(() => sleep(20)));
    const waiting = task(() => "never");
    q.push(waiting);
    q.close();
    expect(await waiting.done).toEqual({ type: "cancelled" });
  });
});
