/**
 * Guessable ids and other sessions' events (Gradio advisories on predictable session and event
 * ids): event ids from `/queue/join` and `/call` are random UUIDs (122 random bits, 32 hex
 * digits) and never repeat; a client cannot read another session's events without its
 * `session_hash` (its own stream carries only its own events, a guessed hash finds nothing);
 * cancelling another session's event with the wrong `session_hash` has no effect (the victim's
 * job runs to its end and delivers).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, raw, readSse, serve } from "./helpers.js";

const hash = () => randomBytes(8).toString("hex");

describe("session and event ids", () => {
  let app: vt.App;
  let url: string;
  const gates = new Map<string, () => void>();
  const aborted: string[] = [];
  const FN = { slow: 0, echo: 1 };

  beforeAll(async () => {
    app = vt.Blocks(() => {
      const text = vt.Textbox({ label: "text" });
      const out = vt.Textbox({ label: "out" });
      vt.Button("Slow").click({
        fn: async (x: string, { signal }) => {
          signal.addEventListener("abort", () => aborted.push(x));
          await new Promise<void>((resolve) => gates.set(x, resolve));
          return `done ${x}`;
        },
        inputs: [text],
        outputs: [out],
        api_name: "slow",
        concurrency_limit: null,
      });
      vt.Button("Echo").click({ fn: (x: string) => x, inputs: [text], outputs: [out], api_name: "echo" });
    });
    url = await serve(app);
  });
  afterAll(async () => {
    for (const release of gates.values()) release();
    await app?.close();
  });

  /** Waits until the slow function has started for `x`. */
  async function started(x: string): Promise<void> {
    while (!gates.has(x)) await new Promise((r) => setTimeout(r, 5));
  }

  /** Asserts the server still answers a prediction. */
  async function stillServes(): Promise<void> {
    const client = await Client.connect(url);
    expect((await client.predict("/echo", ["still here"])).data).toEqual(["still here"]);
  }

  it("gives random UUID event ids (122 random bits) that never repeat, at /queue/join and /call", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await postJson(`${url}gradio_api/queue/join`, { data: [`e${i}`], fn_index: FN.echo, session_hash: hash() });
      expect(res.status).toBe(200);
      ids.push(res.body.event_id);
      const call = await postJson(`${url}gradio_api/call/echo`, { data: [`c${i}`] });
      expect(call.status).toBe(200);
      ids.push(call.body.event_id);
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Not a counter nor a clock: no two share a prefix, and the bits are balanced.
    expect(new Set(ids.map((id) => id.slice(0, 8))).size).toBe(ids.length);
    const ones = ids.join("").split("").reduce((n, c) => n + Number.parseInt(c, 16).toString(2).replaceAll("0", "").length, 0);
    const bits = ids.length * 128;
    expect(Math.abs(ones / bits - 0.5)).toBeLessThan(0.05);
    await stillServes();
  });

  it("refuses to read /call results with a guessed event id", async () => {
    for (const id of ["0", "1", "00000000000000000000000000000001", "../../etc/passwd", hash() + hash()]) {
      const res = await raw(url, `/gradio_api/call/echo/${encodeURIComponent(id)}`);
      expect(res.body).not.toMatch(/"msg":"process_completed"|event: complete/);
      expect(res.body).toMatch(/No pending event|not found/i);
    }
    await stillServes();
  });

  it("keeps a session's events out of every other session's stream", async () => {
    const victim = hash();
    const join = await postJson(`${url}gradio_api/queue/join`, { data: ["victim-read"], fn_index: FN.slow, session_hash: victim });
    expect(join.status).toBe(200);
    const victimStream = readSse(`${url}gradio_api/queue/data?session_hash=${victim}`, (m) => m.msg === "process_completed", 10_000);
    await started("victim-read");
    // An attacker with its own session sees only its own event.
    const attacker = hash();
    const own = await postJson(`${url}gradio_api/queue/join`, { data: ["attacker"], fn_index: FN.echo, session_hash: attacker });
    const seen = await readSse(`${url}gradio_api/queue/data?session_hash=${attacker}`, (m) => m.msg === "process_completed", 5000);
    expect(seen.at(-1)).toMatchObject({ msg: "process_completed", event_id: own.body.event_id, success: true });
    expect(JSON.stringify(seen)).not.toContain(join.body.event_id);
    expect(JSON.stringify(seen)).not.toContain("victim-read");
    // Guessed session hashes find nothing.
    for (const guess of ["", "1", "victim", "null", hash()]) {
      const msgs = await readSse(`${url}gradio_api/queue/data?session_hash=${guess}`, () => true, 3000);
      expect(msgs[0]).toMatchObject({ msg: "unexpected_error", session_not_found: true, success: false });
      expect(JSON.stringify(msgs)).not.toContain(join.body.event_id);
    }
    gates.get("victim-read")!();
    const got = await victimStream;
    expect(got.at(-1)).toMatchObject({ msg: "process_completed", event_id: join.body.event_id, success: true, output: { data: ["done victim-read"] } });
    await stillServes();
  });

  it("ignores a cancel of another session's event sent with the wrong session_hash", async () => {
    const victim = hash();
    const join = await postJson(`${url}gradio_api/queue/join`, { data: ["victim-cancel"], fn_index: FN.slow, session_hash: victim });
    const victimStream = readSse(`${url}gradio_api/queue/data?session_hash=${victim}`, (m) => m.msg === "process_completed", 10_000);
    await started("victim-cancel");
    for (const session_hash of [hash(), "", victim.slice(0, 8)]) {
      const res = await postJson(`${url}gradio_api/cancel`, { event_id: join.body.event_id, session_hash, fn_index: FN.slow });
      expect(res.status).toBe(200);
    }
    // A guessed event id with the right session cancels nothing either.
    await postJson(`${url}gradio_api/cancel`, { event_id: hash() + hash(), session_hash: victim, fn_index: FN.slow });
    await new Promise((r) => setTimeout(r, 100));
    expect(aborted).not.toContain("victim-cancel");
    gates.get("victim-cancel")!();
    const got = await victimStream;
    expect(got.at(-1)).toMatchObject({ msg: "process_completed", event_id: join.body.event_id, success: true, output: { data: ["done victim-cancel"] } });
    expect(aborted).not.toContain("victim-cancel");
    await stillServes();
  });

  it("keeps a session's stream and job when a second stream opens with its known session_hash", async () => {
    const victim = hash();
    const join = await postJson(`${url}gradio_api/queue/join`, { data: ["victim-takeover"], fn_index: FN.slow, session_hash: victim });
    const first = readSse(`${url}gradio_api/queue/data?session_hash=${victim}`, (m) => m.msg === "process_completed", 10_000);
    await started("victim-takeover");
    const second = readSse(`${url}gradio_api/queue/data?session_hash=${victim}`, (m) => m.msg === "process_completed", 1500);
    await new Promise((r) => setTimeout(r, 300));
    gates.get("victim-takeover")!();
    const got = await first;
    expect(got.at(-1)).toMatchObject({ msg: "process_completed", event_id: join.body.event_id, success: true, output: { data: ["done victim-takeover"] } });
    expect(JSON.stringify(await second)).not.toContain("done victim-takeover");
    expect(aborted).not.toContain("victim-takeover");
    await stillServes();
  });
});
