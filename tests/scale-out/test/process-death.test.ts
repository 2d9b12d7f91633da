/**
 * Processes that die: a killed process's running events are reported failed to their clients
 * (or run again elsewhere, for `retry: true`), its waiting events are run by the survivors, and
 * a restart of every process loses nothing while Redis stays up.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { completion, fnIndexes, joinOk, outputOf, readStream, session, sleep, startApp, startRedis, type AppProcess } from "./cluster.js";

const LOST = /server process running this event stopped/;
let redis: Awaited<ReturnType<typeof startRedis>>;
let apps: AppProcess[] = [];
let fn: Record<string, number>;
let prefixes = 0;
const prefix = () => `death:${process.pid}:${++prefixes}:`;

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(apps.map((a) => a.kill("SIGTERM")));
  apps = [];
});
afterAll(async () => {
  await redis?.stop();
});

async function start(n: number, p: string): Promise<AppProcess[]> {
  const started = await Promise.all(Array.from({ length: n }, () => startApp(redis.url, p)));
  apps.push(...started);
  fn = await fnIndexes(started[0]!.url);
  return started;
}

describe("a process dies", () => {
  it("its running event is reported failed within seconds, and its waiting events run on a survivor", async () => {
    const [a, b] = await start(2, prefix());
    const hash = session();
    const running = await joinOk(a!.url, { data: [60_000], fn_index: fn.hang, session_hash: hash });
    const waiting = [await joinOk(b!.url, { data: [50], fn_index: fn.hang, session_hash: hash }), await joinOk(a!.url, { data: [50], fn_index: fn.hang, session_hash: hash })];
    const reading = readStream(b!.url, hash);
    await sleep(300);
    const killedAt = Date.now();
    await a!.kill("SIGKILL");
    const messages = await reading;
    const lost = completion(messages, running);
    expect(lost.success).toBe(false);
    expect((lost.output as { error: string }).error).toMatch(LOST);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    for (const id of waiting) expect(outputOf(completion(messages, id))).toBe(`done in ${b!.pid}`);
  });

  it("a session whose reader's process died is read again from a survivor", async () => {
    const [a, b] = await start(2, prefix());
    const hash = session();
    const id = await joinOk(b!.url, { data: [1200], fn_index: fn.hang, session_hash: hash });
    const controller = new AbortController();
    const first = readStream(a!.url, hash, undefined, controller.signal).catch(() => null);
    await sleep(300);
    await a!.kill("SIGKILL");
    await first;
    // The client reconnects: refused while the dead process still counts as alive (liveness_ms,
    // 1.5 s here), then the claim of the dead reader is taken over.
    let messages = null;
    const deadline = Date.now() + 10_000;
    while (!messages && Date.now() < deadline) {
      messages = await readStream(b!.url, hash).catch((err: Error) => {
        if (!/409/.test(err.message)) throw err;
        return sleep(200).then(() => null);
      });
    }
    expect(messages).not.toBeNull();
    expect(outputOf(completion(messages!, id))).toBe(`done in ${b!.pid}`);
  });

  it("an event marked retry: true runs again on a survivor instead of failing", async () => {
    const [a, b] = await start(2, prefix());
    const hash = session();
    const id = await joinOk(a!.url, { data: [1500], fn_index: fn.retryable, session_hash: hash });
    const reading = readStream(b!.url, hash);
    await sleep(300);
    await a!.kill("SIGKILL");
    const messages = await reading;
    expect(outputOf(completion(messages, id))).toBe(`done in ${b!.pid}`);
    // It started twice: once in the dead process, once in the survivor.
    expect(messages.filter((m) => m.msg === "process_starts").length).toBe(2);
  });

  it("a restart of every process while Redis stays up loses no waiting event", async () => {
    const p = prefix();
    const [a] = await start(1, p);
    const hash = session();
    const running = await joinOk(a!.url, { data: [60_000], fn_index: fn.hang, session_hash: hash });
    const waiting = [];
    for (let i = 0; i < 3; i++) waiting.push(await joinOk(a!.url, { data: [30], fn_index: fn.hang, session_hash: hash }));
    await sleep(200);
    await a!.kill("SIGKILL");
    // Nobody serves for a while; then two new processes start.
    await sleep(500);
    const [c, d] = await start(2, p);
    const messages = await readStream(c!.url, hash);
    expect((completion(messages, running).output as { error: string }).error).toMatch(LOST);
    for (const id of waiting) expect(outputOf(completion(messages, id))).toMatch(new RegExp(`^done in (${c!.pid}|${d!.pid})$`));
  });
});
