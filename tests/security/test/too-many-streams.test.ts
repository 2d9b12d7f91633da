/**
 * Too many streams (Gradio advisories on unbounded queue use by one client): one client opening
 * session after session, each joining an event and holding its `/queue/data` stream, is capped
 * by `max_sessions_per_client` (default 200): the join past the cap answers `429` with a message
 * naming the option, nothing is queued for it, the sessions already in flight keep their
 * streams and finish, and once they have, the client may start new ones. A session already
 * counted may still join more events (within `max_waiting_per_session`), and a second reader of
 * one session's stream is refused (409). The live channels a client holds open for any hash
 * (the heartbeat stream `GET /gradio_api/heartbeat/<hash>` and the page's WebSocket
 * `/gradio_api/live/<hash>`) are capped by the same option, both kinds together: one past it
 * answers `429` with a message naming it, and closing one lets the next in. Clients here are
 * told apart by `X-Forwarded-For` through a trusted proxy (`trusted_proxies: ["loopback"]`):
 * loopback clients themselves are not capped (this machine, or a proxy on it standing for many
 * users), which is checked too.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { request, type ClientRequest, type IncomingMessage } from "node:http";
import * as vt from "vitrine";
import { postJson, readSse, serve } from "./helpers.js";

/** A live channel the test opened: the server's status, its message when refused, and how to close it. */
interface Channel {
  status: number;
  detail?: string;
  close(): void;
}

/** A refused request's status and JSON `detail`. */
function refusal(res: IncomingMessage, req: ClientRequest): Promise<Channel> {
  return new Promise((resolve, reject) => {
    let body = "";
    res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    res.on("end", () => resolve({ status: res.statusCode!, detail: (JSON.parse(body) as { detail: string }).detail, close: () => req.destroy() }));
    res.on("error", reject);
  });
}

/** Opens `GET <base>gradio_api/heartbeat/<hash>` as the client at `from` (null: the loopback client itself), held open until closed. */
function heartbeat(base: string, hash: string, from: string | null): Promise<Channel> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}gradio_api/heartbeat/${hash}`, { headers: from ? { "x-forwarded-for": from } : {} }, (res) => {
      if (res.statusCode !== 200) return void refusal(res, req).then(resolve, reject);
      // Open once its first ALIVE has come.
      res.once("data", () => resolve({ status: 200, close: () => req.destroy() }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Opens the page's WebSocket `<base>gradio_api/live/<hash>` (a raw upgrade) as the client at `from`, held open until closed. */
function liveChannel(base: string, hash: string, from: string | null): Promise<Channel> {
  const headers: Record<string, string> = {
    connection: "Upgrade",
    upgrade: "websocket",
    "sec-websocket-version": "13",
    "sec-websocket-key": randomBytes(16).toString("base64"),
  };
  if (from) headers["x-forwarded-for"] = from;
  return new Promise((resolve, reject) => {
    const req = request(`${base}gradio_api/live/${hash}`, { headers });
    req.on("upgrade", (res, socket) => resolve({ status: res.statusCode!, close: () => socket.destroy() }));
    req.on("response", (res) => void refusal(res, req).then(resolve, reject));
    req.on("error", reject);
    req.end();
  });
}

/** Opens channels with `open` until one is let in (once the server has seen an earlier one close); that one. */
async function openOnceFreed(open: () => Promise<Channel>): Promise<Channel> {
  for (;;) {
    const channel = await open();
    if (channel.status !== 429) return channel;
    await new Promise((r) => setTimeout(r, 20));
  }
}

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

  it("caps the heartbeat streams and live WebSockets one client holds open, both kinds together, with a 429", async () => {
    const client = "203.0.113.80";
    const held: Channel[] = [];
    try {
      // Any hash is taken: three channels from one client, of either kind.
      held.push(await heartbeat(smallUrl, "hb-1", client), await liveChannel(smallUrl, "ws-1", client), await heartbeat(smallUrl, "hb-2", client));
      expect(held.map((c) => c.status)).toEqual([200, 101, 200]);
      const message = /^Too many live connections from your address: it already has 3 heartbeat or live channel\(s\) open.*\(max_sessions_per_client\)/;
      const refusedHeartbeat = await heartbeat(smallUrl, "hb-3", client);
      expect([refusedHeartbeat.status, refusedHeartbeat.detail]).toEqual([429, expect.stringMatching(message)]);
      const refusedSocket = await liveChannel(smallUrl, "ws-2", client);
      expect([refusedSocket.status, refusedSocket.detail]).toEqual([429, expect.stringMatching(message)]);

      // Another client has its own count; the loopback client has none.
      for (const h of ["x1", "x2", "x3"]) held.push(await heartbeat(smallUrl, h, "198.51.100.80"));
      expect((await liveChannel(smallUrl, "x4", "198.51.100.80")).status).toBe(429);
      for (const h of ["l1", "l2", "l3", "l4"]) held.push(await heartbeat(smallUrl, h, null), await liveChannel(smallUrl, h, null));
      expect(held.slice(3).map((c) => c.status)).toEqual([200, 200, 200, 200, 101, 200, 101, 200, 101, 200, 101]);

      // Closing a channel lets the next one in: the WebSocket's place taken by a heartbeat, then a heartbeat's by a WebSocket.
      held[1]!.close();
      held.push(await openOnceFreed(() => heartbeat(smallUrl, "hb-3", client)));
      expect(held.at(-1)!.status).toBe(200);
      expect((await liveChannel(smallUrl, "ws-3", client)).status).toBe(429);
      held[0]!.close();
      held.push(await openOnceFreed(() => liveChannel(smallUrl, "ws-3", client)));
      expect(held.at(-1)!.status).toBe(101);
    } finally {
      for (const channel of held) channel.close();
    }
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
