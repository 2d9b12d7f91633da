import { describe, expect, it } from "@jest/globals";
import { Queue, QueueFullError, type JobEvent, type Task } from "./index.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function task(
  start: Task["start"],
  opts: Partial<Pick<Task, "concurrencyId" | "concurrencyLimit">> = {},
): Task & { events: JobEvent[]; done: Promise<JobEvent> } {
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
    const slow = task(async function* (signal: AbortSignal) {
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
});
