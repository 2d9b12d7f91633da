/**
 * Three processes of one app on one Redis queue, with no sticky sessions: an event joined on one
 * process is read on another, limits and State hold across them, and the protocol's features
 * (streaming, progress, cancellation, batching, files, max_size) work as in one process.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import {
  completion,
  fnIndexes,
  join,
  joinOk,
  outputOf,
  readStream,
  roundRobin,
  session,
  sleep,
  startApp,
  startRedis,
  type AppProcess,
  type Message,
} from "./cluster.js";

let redis: Awaited<ReturnType<typeof startRedis>>;
let apps: AppProcess[] = [];
let fn: Record<string, number>;
const PREFIX = `scale:${process.pid}:`;

beforeAll(async () => {
  redis = await startRedis();
  apps = await Promise.all([0, 1, 2].map(() => startApp(redis.url, PREFIX)));
  fn = await fnIndexes(apps[0]!.url);
}, 60_000);

afterAll(async () => {
  await Promise.all(apps.map((a) => a.kill("SIGTERM")));
  await redis?.stop();
});

const [A, B, C] = [0, 1, 2];
const url = (i: number) => apps[i]!.url;
const pid = (i: number) => apps[i]!.pid;

describe("three processes on one Redis queue", () => {
  it("an event joined on one process is read from another", async () => {
    for (const [joinOn, readOn] of [[A, B], [B, C], [C, A]] as const) {
      const hash = session();
      const id = await joinOk(url(joinOn), { data: ["hi"], fn_index: fn.echo, session_hash: hash });
      const messages = await readStream(url(readOn), hash);
      const done = completion(messages, id);
      expect(done.success).toBe(true);
      expect(outputOf(done)).toBe(`hi from ${pid(joinOn)}`);
      expect(messages.map((m) => m.msg)).toEqual(["estimation", "process_starts", "process_completed", "close_stream"]);
    }
  });

  it("a session has one reader across all processes", async () => {
    const hash = session();
    const id = await joinOk(url(A), { data: [400], fn_index: fn.gpu, session_hash: hash });
    const first = readStream(url(B), hash);
    await sleep(150);
    const second = await fetch(new URL(`gradio_api/queue/data?session_hash=${hash}`, url(C)));
    expect(second.status).toBe(409);
    expect(await second.text()).toMatch(/already open/);
    expect(completion(await first, id).success).toBe(true);
  });

  it("a concurrency limit of 1 never overlaps across three processes", async () => {
    const runs = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (i) => {
        const hash = session();
        const id = await joinOk(url(i % 3), { data: [120], fn_index: fn.gpu, session_hash: hash });
        const messages = await readStream(url((i + 1) % 3), hash);
        const ranks = messages.filter((m) => m.msg === "estimation").map((m) => m.rank as number);
        expect(ranks).toEqual([...ranks].sort((x, y) => y - x));
        const done = completion(messages, id);
        return JSON.parse(outputOf(done) as string) as { pid: number; start: number; end: number };
      }),
    );
    // Waiting events are told their new place as the queue moves: their rank never goes up.
    runs.sort((a, b) => a.start - b.start);
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end);
  });

  it("State written in one process is read in another", async () => {
    const hash = session();
    const seen: string[] = [];
    for (const i of [A, B, C, A]) {
      const id = await joinOk(url(i), { data: ["x", null], fn_index: fn.count, session_hash: hash });
      seen.push(((completion(await readStream(url((i + 2) % 3), hash), id).output as { data: string[] }).data[1]!));
    }
    expect(seen).toEqual([`count 1 in ${pid(A)}`, `count 2 in ${pid(B)}`, `count 3 in ${pid(C)}`, `count 4 in ${pid(A)}`]);
    // Another session starts from the State's initial value.
    const other = session();
    const id = await joinOk(url(B), { data: ["x", null], fn_index: fn.count, session_hash: other });
    expect((completion(await readStream(url(C), other), id).output as { data: string[] }).data[1]).toBe(`count 1 in ${pid(B)}`);
  });

  it("streamed outputs, progress and logs reach a reader on another process, in order", async () => {
    const hash = session();
    const id = await joinOk(url(A), { data: ["6"], fn_index: fn.tokens, session_hash: hash });
    const messages = await readStream(url(C), hash);
    const kinds = messages.map((m) => m.msg);
    expect(kinds.filter((k) => k === "progress").length).toBeGreaterThan(0);
    const log = messages.find((m) => m.msg === "log");
    expect(log).toEqual(expect.objectContaining({ level: "info", log: `streaming 6 tokens from ${pid(A)}` }));
    expect(kinds.filter((k) => k === "process_generating").length).toBe(6);
    expect(kinds.indexOf("process_starts")).toBeLessThan(kinds.indexOf("process_generating"));
    expect(kinds.at(-2)).toBe("process_completed");
    expect(outputOf(completion(messages, id))).toBe("6");
  });

  it("a cancel sent to a third process aborts the event where it runs", async () => {
    const hash = session();
    const id = await joinOk(url(A), { data: ["200"], fn_index: fn.tokens, session_hash: hash });
    let generating = 0;
    let cancelled: Promise<Response> | null = null;
    const messages = await readStream(url(B), hash, (m) => {
      if (m.msg === "process_generating" && ++generating === 2) {
        cancelled = fetch(new URL("gradio_api/cancel", url(C)), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event_id: id, session_hash: hash }) });
      }
    });
    expect((await cancelled!)!.status).toBe(200);
    expect(completion(messages, id).output).toEqual({});
    expect(generating).toBeLessThan(200);
    for (let i = 0; i < 50 && !apps[A]!.output().includes(`aborted in ${pid(A)}`); i++) await sleep(50);
    expect(apps[A]!.output()).toContain(`aborted in ${pid(A)}`);
  });

  it("a waiting event cancelled from another process leaves the queue", async () => {
    const hold = session();
    const holder = await joinOk(url(A), { data: [600], fn_index: fn.gpu, session_hash: hold });
    const hash = session();
    const waiting = await joinOk(url(B), { data: [10], fn_index: fn.gpu, session_hash: hash });
    const reading = readStream(url(C), hash);
    await sleep(100);
    await fetch(new URL("gradio_api/cancel", url(A)), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event_id: waiting, session_hash: hash }) });
    const messages = await reading;
    expect(messages.map((m) => m.msg)).toEqual(["estimation", "process_completed", "close_stream"]);
    expect(messages[0]!.rank).toBe(0);
    // The group's runs so far (in every process) give waiting events an ETA.
    expect(messages[0]!.rank_eta).toEqual(expect.any(Number));
    expect(completion(messages, waiting).output).toEqual({});
    expect(completion(await readStream(url(B), hold), holder).success).toBe(true);
  });

  it("waiting events are told their place, and batches gather events joined on different processes", async () => {
    const hashes = [0, 1, 2, 3, 4].map(() => session());
    const ids: string[] = [];
    for (let i = 0; i < hashes.length; i++) ids.push(await joinOk(url(i % 3), { data: [`b${i}`], fn_index: fn.batched, session_hash: hashes[i] }));
    const results = await Promise.all(hashes.map((h, i) => readStream(url((i + 1) % 3), h).then((m) => ({ m, out: outputOf(completion(m, ids[i]!)) as string }))));
    const sizes = results.map((r) => Number(/batch of (\d+)/.exec(r.out)![1]));
    // The first runs at once; the others, waiting meanwhile, share a run.
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(results.every((r, i) => r.out.startsWith(`b${i} in a batch`))).toBe(true);
    const lastEstimation = results[4]!.m.find((m) => m.msg === "estimation") as Message;
    expect(lastEstimation.rank).toBeGreaterThanOrEqual(0);
    expect(lastEstimation.queue_size).toBeGreaterThanOrEqual(1);
  });

  it("a file uploaded to one process is an input of an event run by another", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(1234).fill(7)]), "bytes.bin");
    const uploaded = (await (await fetch(new URL("gradio_api/upload", url(A)), { method: "POST", body: form })).json()) as string[];
    const hash = session();
    const id = await joinOk(url(B), { data: [{ path: uploaded[0], orig_name: "bytes.bin", meta: { _type: "gradio.FileData" } }], fn_index: fn.size, session_hash: hash });
    const done = completion(await readStream(url(C), hash), id);
    expect(done.output).toEqual(expect.objectContaining({ data: [`bytes.bin: 1234 bytes in ${pid(B)}`] }));
  });

  it("caps one session's pending events across processes (max_waiting_per_session)", async () => {
    const hash = session();
    const ids: string[] = [];
    // One runs at a time (the gpu group): the others wait, all pending.
    for (let i = 0; i < 10; i++) ids.push(await joinOk(url(i % 3), { data: [100], fn_index: fn.gpu, session_hash: hash }));
    const refused = await join(url(B), { data: [1], fn_index: fn.gpu, session_hash: hash });
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/max_waiting_per_session/);
    // Another session is not held back, and once read, this one may join again.
    const other = session();
    const otherId = await joinOk(url(B), { data: ["o"], fn_index: fn.echo, session_hash: other });
    expect(outputOf(completion(await readStream(url(A), other), otherId))).toMatch(/^o from /);
    const messages = await readStream(url(C), hash);
    for (const id of ids) expect(completion(messages, id).success).toBe(true);
    const again = await joinOk(url(A), { data: ["y"], fn_index: fn.echo, session_hash: hash });
    expect(outputOf(completion(await readStream(url(B), hash), again))).toMatch(/^y from /);
  });

  it("Gradio's own client works through a plain round-robin proxy", async () => {
    const proxy = await roundRobin(() => apps.map((a) => a.url));
    try {
      const client = await Client.connect(proxy.url);
      const echoed = new Set<string>();
      for (let i = 0; i < 6; i++) echoed.add(((await client.predict("/echo", ["rr"])).data as string[])[0]!);
      // The calls were served by more than one process.
      expect(echoed.size).toBeGreaterThan(1);
      const counts: string[] = [];
      for (let i = 0; i < 3; i++) counts.push(((await client.predict("/count", ["x"])).data as string[]).at(-1)!);
      expect(counts.map((c) => c.split(" in ")[0])).toEqual(["count 1", "count 2", "count 3"]);
      const tokens: string[] = [];
      for await (const m of client.submit("/tokens", ["4"])) {
        if (m.type === "data") tokens.push((m.data as string[])[0]!);
        if (m.type === "status" && (m.stage === "complete" || m.stage === "error")) break;
      }
      expect([...new Set(tokens)]).toEqual(["1", "2", "3", "4"]);
      client.close();
    } finally {
      await proxy.close();
    }
  });
});

describe("max_size across processes", () => {
  let limited: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(limited.map((a) => a.kill("SIGTERM")));
  });

  it("counts the events waiting in every process", async () => {
    const prefix = `${PREFIX}max:`;
    limited = await Promise.all([0, 1].map(() => startApp(redis.url, prefix, { MAX_SIZE: "2" })));
    const [P, Q] = limited.map((a) => a.url) as [string, string];
    const f = await fnIndexes(P);
    const hash = session();
    const running = await joinOk(P, { data: [800], fn_index: f.gpu, session_hash: hash });
    const w1 = await joinOk(Q, { data: [10], fn_index: f.gpu, session_hash: hash });
    const w2 = await joinOk(P, { data: [10], fn_index: f.gpu, session_hash: hash });
    const refused = await join(Q, { data: [10], fn_index: f.gpu, session_hash: hash });
    expect(refused.status).toBe(503);
    expect(refused.body.detail).toMatch(/Queue is full/);
    const messages = await readStream(Q, hash);
    for (const id of [running, w1, w2]) expect(completion(messages, id).success).toBe(true);
    // Once they ran, there is room again.
    const again = await joinOk(P, { data: [10], fn_index: f.gpu, session_hash: hash });
    expect(completion(await readStream(Q, hash), again).success).toBe(true);
  });
});
