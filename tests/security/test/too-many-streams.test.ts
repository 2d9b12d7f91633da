/**
 * Too many streams (Gradio advisories on unbounded queue use by one client): one client opening
 * session after session, each joining an event and holding its `/queue/data` stream, is capped
 * by `max_sessions_per_client` (default 200): the join past the cap answers `429` with a message
 * naming the option, nothing is queued for it, the sessions already in flight keep their
 * streams and finish, and once they have, the client may start new ones. A session already
 * counted may still join more events (within `max_waiting_per_session`), and a second reader of
 * one session's stream is refused (409). Clients here are told apart by `X-Forwarded-For`
 * through a trusted proxy (`trusted_proxies: ["loopback"]`): loopback clients themselves are not
 * capped (this machine, or a proxy on it standing for many users), which is checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { postJson, readSse, serve } from "./helpers.js";

/** An app whose function waits until the test opens the gate. */
function gated() {
  let open!: () => void;
  let gate = new Promise<void>((r) => (open = r));
  const app = new vt.Interface({
    fn: async (text: string) => {
      await gate;
      return text;
    },
    inputs: vt.Textbox({ label: "text" }),
    outputs: vt.Textbox({ label: "echo" }),
    api_name: "echo",
    concurrency_limit: null,
  });
  return {
    app,
    release() {
      open();
    },
    close() {
      open();
      gate = new Promise<void>((r) => (open = r));
    },
  };
}

describe("too many streams from one client", () => {
  let small: ReturnType<typeof gated>;
  let smallUrl: string;
  let dflt: ReturnType<typeof gated>;
  let dfltUrl: string;
  let fnIndex: number;

  beforeAll(async () => {
    small = gated();
    smallUrl = await serve(small.app, { max_sessions_per_client: 3, trusted_proxies: ["loopback"] });
    dflt = gated();
    dfltUrl = await serve(dflt.app, { trusted_proxies: ["loopback"] });
    const config = (await (await fetch(`${smallUrl}config`)).json()) as { dependencies: { id: number; api_name: string }[] };
    fnIndex = config.dependencies.find((d) => d.api_name === "echo")!.id;
  });
  afterAll(async () => {
    small?.release();
    dflt?.release();
    await small?.app.close();
    await dflt?.app.close();
  });

  /** Joins `/echo` in session `hash` as the client at `from` (forwarded by the trusted proxy), or as the loopback client itself. */
  const join = (base: string, hash: string, text = hash, from: string | null = "203.0.113.7") =>
    postJson(`${base}gradio_api/queue/join`, { data: [text], fn_index: fnIndex, session_hash: hash }, from ? { "x-forwarded-for": from } : {});

  it("refuses the session past max_sessions_per_client with a 429, and the others finish", async () => {
    const hashes = ["s1", "s2", "s3"];
    for (const h of hashes) expect((await join(smallUrl, h)).status).toBe(200);
    // Their streams are open (one reader each; a second reader of one is refused).
    const opened: Promise<void>[] = [];
    const streams = hashes.map((h) => {
      let first!: () => void;
      opened.push(new Promise<void>((r) => (first = r)));
      return readSse(`${smallUrl}gradio_api/queue/data?session_hash=${h}`, (m) => (first(), m.msg === "process_completed"), 30_000);
    });
    await Promise.all(opened);
    const second = await fetch(`${smallUrl}gradio_api/queue/data?session_hash=s1`);
    expect(second.status).toBe(409);
    await second.text();

    const refused = await join(smallUrl, "s4");
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/^Too many sessions from your address: it already has 3 session\(s\) with events in flight.*\(max_sessions_per_client\)/);
    // A session already counted may still join another event.
    expect((await join(smallUrl, "s1", "s1-again")).status).toBe(200);
    // Another client has its own count; the loopback client (no forwarded address) has none.
    for (const h of ["o1", "o2", "o3"]) expect((await join(smallUrl, h, h, "198.51.100.9")).status).toBe(200);
    expect((await join(smallUrl, "o4", "o4", "198.51.100.9")).status).toBe(429);
    for (const h of ["l1", "l2", "l3", "l4", "l5"]) expect((await join(smallUrl, h, h, null)).status).toBe(200);
    const others = ["o1", "o2", "o3", "l1", "l2", "l3", "l4", "l5"].map((h) => readSse(`${smallUrl}gradio_api/queue/data?session_hash=${h}`, (m) => m.msg === "process_completed", 30_000));

    small.release();
    const done = await Promise.all(streams);
    for (const messages of await Promise.all(others)) expect(messages.at(-1)?.msg).toBe("process_completed");
    for (const [i, messages] of done.entries()) {
      expect(messages.filter((m) => m.msg === "process_completed").map((m) => m.output.data[0])).toContain(hashes[i]);
    }
    // The refused session got nothing queued: its stream has nothing but its end.
    const none = await readSse(`${smallUrl}gradio_api/queue/data?session_hash=s4`, () => false, 5_000);
    expect(none.map((m) => m.msg).filter((m) => m !== "close_stream" && m !== "unexpected_error")).toEqual([]);
    // The sessions are done: a new one is admitted and served.
    expect((await join(smallUrl, "s5")).status).toBe(200);
    const served = await readSse(`${smallUrl}gradio_api/queue/data?session_hash=s5`, (m) => m.msg === "process_completed", 30_000);
    expect(served.at(-1)).toMatchObject({ msg: "process_completed", success: true, output: { data: ["s5"] } });
  });

  it("holds no stream open for a session with nothing in flight", async () => {
    // Streams of unknown sessions, or of sessions whose events are done, end at once: reading
    // each to its end returns (a stream held open would hang this test until its timeout).
    const ends = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => (await fetch(`${smallUrl}gradio_api/queue/data?session_hash=${i % 2 ? "s5" : `none-${i}`}`)).text()),
    );
    for (const text of ends) expect(text).not.toMatch(/process_(starts|completed)/);
    expect((await join(smallUrl, "after-none")).status).toBe(200);
    const served = await readSse(`${smallUrl}gradio_api/queue/data?session_hash=after-none`, (m) => m.msg === "process_completed", 30_000);
    expect(served.at(-1)).toMatchObject({ msg: "process_completed", success: true, output: { data: ["after-none"] } });
  });

  it("caps one client at 200 sessions in flight by default", async () => {
    for (let i = 0; i < 200; i++) {
      const res = await join(dfltUrl, `d${i}`);
      expect({ i, status: res.status }).toEqual({ i, status: 200 });
    }
    const refused = await join(dfltUrl, "d200");
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/already has 200 session\(s\)/);
    dflt.release();
    const res = await postJson(`${dfltUrl}gradio_api/run/echo`, { data: ["direct"] });
    expect(res.body.data).toEqual(["direct"]);
  });
});
