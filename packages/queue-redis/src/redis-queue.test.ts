import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { QueueFullError, SessionFullError, type SharedJob, type SharedQueueHost } from "@vitrine/queue";
import { Redis } from "ioredis";
import { RedisQueue } from "./redis-queue.js";

let server: ChildProcess;
let url: string;
let n = 0;

beforeAll(async () => {
  const probe = createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const port = (probe.address() as { port: number }).port;
  probe.close();
  server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
  let out = "";
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on("data", (c: Buffer) => (out += c) && out.includes("Ready to accept") && resolve());
    server.once("exit", () => reject(new Error(`redis-server exited: ${out}`)));
    server.once("error", reject);
  });
  url = `redis://127.0.0.1:${port}`;
});
afterAll(() => {
  server?.kill();
});

/** A host that records what the queue hands it. */
function recorder() {
  const ran: SharedJob[][] = [];
  const lost: SharedJob[] = [];
  const cancelled: string[] = [];
  const host: SharedQueueHost = {
    run: (jobs) => void ran.push(jobs),
    cancelRunning: (id) => void cancelled.push(id),
    lost: (job) => void lost.push(job),
  };
  return { host, ran, lost, cancelled };
}

const job = (id: string, extra: Partial<SharedJob> = {}): SharedJob => ({ id, session: "s1", fn: 0, group: "g", batchKey: null, retry: false, payload: { id }, ...extra });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
};

describe("RedisQueue", () => {
  it("holds a concurrency limit across two processes, and the next waiting job starts when a slot frees", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    const [ra, rb] = [recorder(), recorder()];
    await a.start([{ id: "g", limit: 1, batchMax: 1 }], ra.host);
    await b.start([{ id: "g", limit: 1, batchMax: 1 }], rb.host);
    expect(await a.push(job("j1"))).toEqual({ claimed: true });
    expect(await b.push(job("j2"))).toEqual({ claimed: false, rank: 0, queueSize: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(rb.ran).toEqual([]);
    await a.finished("j1", "g", 0.5);
    await until(() => ra.ran.length + rb.ran.length === 1);
    // A job that waited went to Redis whole: whichever process claims it can run it.
    expect([...ra.ran, ...rb.ran][0]).toEqual([job("j2")]);
    await Promise.all([a.close(), b.close()]);
  });

  it("keeps a group's average run duration across processes, also for runs that end in one call", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    const [ra, rb] = [recorder(), recorder()];
    await a.start([{ id: "g", limit: 2, batchMax: 1 }], ra.host);
    await b.start([{ id: "g", limit: 2, batchMax: 1 }], rb.host);
    expect(await a.push(job("j1"))).toEqual({ claimed: true });
    expect(await a.push(job("j2"))).toEqual({ claimed: true });
    expect(await b.push(job("j3"))).toEqual({ claimed: false, rank: 0, queueSize: 1 });
    // Both ends go in one script call: each sees the one before it.
    const [first, second] = await Promise.all([a.finished("j1", "g", 1), a.finished("j2", "g", 2)]);
    expect([first, second]).toEqual([1, 1.5]);
    // Their slots were freed: the waiting job runs (in either process), and its end counts too.
    await until(() => ra.ran.length + rb.ran.length === 1);
    const runner = ra.ran.length === 1 ? a : b;
    expect(await runner.finished("j3", "g", 4.5)).toBe(2.5);
    expect(await (runner === a ? b : a).finished("none", "g", null)).toBe(2.5);
    await Promise.all([a.close(), b.close()]);
  });

  it("refuses a push beyond max_size, counting every process's waiting jobs", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    await a.start([{ id: "g", limit: 1, batchMax: 1 }], recorder().host);
    await b.start([{ id: "g", limit: 1, batchMax: 1 }], recorder().host);
    await a.push(job("r"), { maxSize: 1 });
    await b.push(job("w"), { maxSize: 1 });
    await expect(a.push(job("x"), { maxSize: 1 })).rejects.toBeInstanceOf(QueueFullError);
    // Events pending per session: the two above are s1's.
    await expect(b.push(job("y", { session: "s1" }), { maxPerSession: 2 })).rejects.toBeInstanceOf(SessionFullError);
    expect(await b.push(job("z", { session: "s2" }), { maxPerSession: 2 })).toEqual({ claimed: false, rank: 1, queueSize: 2 });
    await Promise.all([a.close(), b.close()]);
  });

  it("claims waiting jobs of one batch key together", async () => {
    const prefix = `t${++n}:`;
    const q = new RedisQueue({ url, prefix });
    const r = recorder();
    await q.start([{ id: "g", limit: 1, batchMax: 3 }], r.host);
    for (const id of ["b1", "b2", "b3", "b4"]) await q.push(job(id, { batchKey: "k" }));
    await until(() => r.ran.length === 1);
    await q.finished(r.ran[0]![0]!.id, "g", 0.1);
    await until(() => r.ran.length === 2);
    expect(r.ran.map((batch) => batch.length).reduce((x, y) => x + y)).toBe(4);
    expect(Math.max(...r.ran.map((batch) => batch.length))).toBeGreaterThan(1);
    await q.close();
  });

  it("delivers a session's messages in order to its one reader, those sent before it came first, and those sent in a row as one", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    await a.start([], recorder().host);
    await b.start([], recorder().host);
    await a.track("s", "e1", 0);
    a.deliver("s", "one", null);
    a.deliver("s", "two", null);
    await new Promise((r) => setTimeout(r, 50));
    const got: [string, string | null][] = [];
    expect(await b.read("nobody", () => undefined)).toBe("unknown");
    let done = false;
    const reader = await b.read("s", (m, finished) => {
      got.push(...m);
      done ||= finished;
    });
    if (typeof reader !== "object") throw new Error(`not a reader: ${reader}`);
    expect(await a.read("s", () => undefined)).toBe("busy");
    a.deliver("s", "three", "e1");
    expect(done).toBe(false);
    await until(() => got.length === 2 && done);
    // "one" and "two" were sent in a row (one tick): they came as one text.
    expect(got).toEqual([["onetwo", null], ["three", "e1"]]);
    // Its last event completed and its messages were given: its claim is released.
    expect(await a.hasReader("s")).toBe(false);
    // A session whose events completed but whose messages wait is still known to a reader.
    await a.track("t", "e2", 0);
    a.deliver("t", "last", "e2");
    await new Promise((r) => setTimeout(r, 50));
    const late: [string, string | null][] = [];
    const second = await a.read("t", (m) => void late.push(...m));
    await until(() => late.length === 1);
    expect(late).toEqual([["last", "e2"]]);
    if (typeof second === "object") await second.close();
    await reader.close();
    await Promise.all([a.close(), b.close()]);
  });

  it("keeps what was sent to a reader until it is acknowledged, so a dead reader's successor gets it", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix, livenessMs: 300 }), new RedisQueue({ url, prefix, livenessMs: 300 })];
    await a.start([], recorder().host);
    await b.start([], recorder().host);
    const list = new Redis(url);
    const waiting = () => list.llen(`${prefix}sess:s:msg`);
    await a.track("s", "e1", 0);
    const got: string[] = [];
    const reader = await b.read("s", (m) => void got.push(...m.map(([text]) => text)));
    if (typeof reader !== "object") throw new Error(`not a reader: ${reader}`);
    const sent = Array.from({ length: 50 }, (_, i) => `m${i}`);
    for (const text of sent) a.deliver("s", text, null);
    await until(() => got.join("") === sent.join(""));
    // The reader acknowledged what it wrote: nothing is kept for it.
    for (let i = 0; i < 40 && (await waiting()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(0);
    // The reader's process dies (it stops renewing its liveness and reading) as the event completes.
    (b as unknown as { timers: NodeJS.Timeout[] }).timers.forEach(clearInterval);
    (b as unknown as { sub: Redis }).sub.disconnect();
    a.deliver("s", "last", "e1");
    await new Promise((r) => setTimeout(r, 50));
    expect(await waiting()).toBe(1);
    // Its successor is refused while the dead process still counts as alive, then takes the message over.
    const late: [string, string | null][] = [];
    let done = false;
    const second = await a.read("s", (m, finished) => {
      late.push(...m);
      done ||= finished;
    });
    expect(typeof second).toBe("object");
    await until(() => done);
    expect(late).toEqual([["last", "e1"]]);
    expect(got).not.toContain("last");
    list.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it("acknowledges a stream's messages together, and what its reader wrote when it closes", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    await a.start([], recorder().host);
    await b.start([], recorder().host);
    const list = new Redis(url);
    const waiting = () => list.llen(`${prefix}sess:s:msg`);
    // Counts the reader's acknowledgements (K operations) in the script calls it sends.
    const calls = b as unknown as { redis: { vtBatch: (...args: (string | number)[]) => Promise<unknown[]> } };
    const send = calls.redis.vtBatch.bind(calls.redis);
    let acks = 0;
    calls.redis.vtBatch = (...args) => {
      for (let i = 4; i < args.length; i += 2 + Number(args[i + 1])) if (args[i] === "K") acks++;
      return send(...args);
    };
    await a.track("s", "e1", 0);
    const got: string[] = [];
    const reader = await b.read("s", (m) => void got.push(...m.map(([text]) => text)));
    if (typeof reader !== "object") throw new Error(`not a reader: ${reader}`);
    // Twenty tokens, each in a tick of its own (each published on its own).
    for (let i = 0; i < 20; i++) {
      a.deliver("s", `m${i} `, null);
      await new Promise((r) => setTimeout(r, 2));
    }
    await until(() => got.length === 20);
    for (let i = 0; i < 40 && (await waiting()) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await waiting()).toBe(0);
    expect(acks).toBeGreaterThan(0);
    expect(acks).toBeLessThan(10);
    // A reader that closes acknowledges what it wrote as it goes.
    a.deliver("s", "x", null);
    await until(() => got.length === 21);
    await reader.close();
    expect(await waiting()).toBe(0);
    list.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it("gives a reader what was published while its process's subscriber connection was down, in order and once", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    await a.start([], recorder().host);
    await b.start([], recorder().host);
    await a.track("s", "e1", 0);
    const got: string[] = [];
    let done = false;
    const reader = await b.read("s", (m, finished) => {
      got.push(...m.map(([text]) => text));
      done ||= finished;
    });
    if (typeof reader !== "object") throw new Error(`not a reader: ${reader}`);
    for (let i = 0; i < 5; i++) a.deliver("s", `before${i}`, null);
    await until(() => got.join("") === "before0before1before2before3before4");
    // The connection breaks; ioredis reconnects by itself a moment later.
    const sub = (b as unknown as { sub: Redis }).sub;
    const back = new Promise((r) => sub.once("ready", r));
    sub.stream.destroy();
    for (let i = 0; i < 5; i++) a.deliver("s", `during${i}`, null);
    await back;
    for (let i = 0; i < 5; i++) a.deliver("s", `after${i}`, null);
    a.deliver("s", "last", "e1");
    await until(() => done);
    const expected = [...[0, 1, 2, 3, 4].map((i) => `before${i}`), ...[0, 1, 2, 3, 4].map((i) => `during${i}`), ...[0, 1, 2, 3, 4].map((i) => `after${i}`), "last"];
    // (Messages sent in a row may come joined: the texts, in order, are what counts.)
    expect(got.join("")).toEqual(expected.join(""));
    await Promise.all([a.close(), b.close()]);
  });

  it("sends each waiting job its new place, to its own session whatever its hash holds", async () => {
    const prefix = `t${++n}:`;
    const q = new RedisQueue({ url, prefix, updateIntervalMs: 0 });
    await q.start([{ id: "g", limit: 1, batchMax: 1 }], recorder().host);
    const odd = "victim\n{rank}";
    await q.push(job("run"));
    await q.push(job("first"), { estimation: "rank {rank} of {queue_size}" });
    await q.push(job("second", { session: odd }), { estimation: "rank {rank} of {queue_size}" });
    // The run ends: "first" starts, and "second" is told its new place.
    await q.finished("run", "g", 0.5);
    await new Promise((r) => setTimeout(r, 100));
    // A session named like the start of the odd one got nothing.
    expect(await q.read("victim", () => undefined)).toBe("unknown");
    const got: string[] = [];
    const reader = await q.read(odd, (m) => void got.push(...m.map(([text]) => text)));
    await until(() => got.length === 2);
    expect(got).toEqual(["rank 1 of 2", "rank 0 of 1"]);
    if (typeof reader === "object") await reader.close();
    await q.close();
  });

  it("cancels a waiting job in place, and tells the running job's process", async () => {
    const prefix = `t${++n}:`;
    const [a, b] = [new RedisQueue({ url, prefix }), new RedisQueue({ url, prefix })];
    const ra = recorder();
    await a.start([{ id: "g", limit: 1, batchMax: 1 }], ra.host);
    await b.start([{ id: "g", limit: 1, batchMax: 1 }], recorder().host);
    await a.push(job("run"));
    await a.push(job("wait"));
    expect(await b.cancel("other-session", "wait")).toBe("unknown");
    expect(await b.cancel("s1", "wait")).toBe("waiting");
    expect(await b.cancel("s1", "run")).toBe("running");
    await until(() => ra.cancelled.includes("run"));
    await Promise.all([a.close(), b.close()]);
  });

  it("reports a dead process's running job lost, and queues a retry job again", async () => {
    const prefix = `t${++n}:`;
    const dying = new RedisQueue({ url, prefix, livenessMs: 300 });
    const survivor = new RedisQueue({ url, prefix, livenessMs: 300 });
    const rs = recorder();
    const groups = [
      { id: "g", limit: 1, batchMax: 1 },
      { id: "h", limit: 1, batchMax: 1 },
    ];
    await dying.start(groups, recorder().host);
    // (A job started as it was pushed keeps no JSON in Redis: its run slot says what the report
    // needs, whatever its session hash holds.)
    await dying.push(job("plain", { session: "odd|hash\nwith:bars", fn: 7 }));
    await dying.push(job("again", { group: "h", retry: true }));
    // The process stops renewing its liveness without saying goodbye (as a crash).
    (dying as unknown as { timers: NodeJS.Timeout[] }).timers.forEach(clearInterval);
    await survivor.start(groups, rs.host);
    await until(() => rs.lost.length === 1 && rs.ran.length === 1);
    expect(rs.lost[0]).toEqual({ id: "plain", session: "odd|hash\nwith:bars", fn: 7, group: "g", batchKey: null, retry: false, payload: null });
    expect(rs.ran[0]!.map((j) => j.id)).toEqual(["again"]);
    await Promise.all([dying.close(), survivor.close()]);
  });

  it("keeps State values as bytes, with a time to live, and ends them", async () => {
    const q = new RedisQueue({ url, prefix: `t${++n}:` });
    await q.start([], recorder().host);
    q.saveState("s", 1, Buffer.from("one"), null);
    q.saveState("s", 2, Buffer.from("two"), 100);
    const loaded = await q.loadState("s", [1, 2, 3]);
    expect([...loaded].map(([k, v]) => [k, v.toString()])).toEqual([[1, "one"], [2, "two"]]);
    await new Promise((r) => setTimeout(r, 200));
    expect([...(await q.loadState("s", [1, 2]))].map(([k]) => k)).toEqual([1]);
    expect([...(await q.endState("s", [1, 2]))].map(([k, v]) => [k, v.toString()])).toEqual([[1, "one"]]);
    expect((await q.loadState("s", [1])).size).toBe(0);
    await q.close();
  });
});
