/**
 * Issue 7, the security probes and robustness defects: sessions that never read, CORS and
 * content types, deeply nested JSON, forged X-Forwarded-Host. Each test is named after the
 * defect it guards. (The crash guards are tested in a child process, in tests/integration.)
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch, type LaunchOptions, type RunningServer } from "./index.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `condition` holds (the test's timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(10);
}

/** fn_index of the app's functions. */
const FN = { forever: 0, echo: 1, big: 2 } as const;

function testApp() {
  return Blocks(() => {
    const text = Textbox({ label: "text" });
    const out = Textbox({ label: "out" });
    // Runs until cancelled, one at a time: the others wait in the queue.
    text.submit({
      fn: (t: string, { signal }) => new Promise<string>((resolve) => signal.addEventListener("abort", () => resolve(t))),
      inputs: [text],
      outputs: [out],
      api_name: "forever",
      concurrency_limit: 1,
    });
    text.change({ fn: (t: string) => t, inputs: [text], outputs: [out], api_name: "echo", concurrency_limit: null });
    text.blur({ fn: () => "x".repeat(5000), inputs: [], outputs: [out], api_name: "big", concurrency_limit: null });
  });
}

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(options: LaunchOptions = {}): Promise<RunningServer> {
  const server = await launch(testApp(), { server_port: 0, quiet: true, ...options });
  servers.push(server);
  return server;
}

const JSON_TYPE = { "content-type": "application/json" };

async function request(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, json, text };
}

function post(url: string, body: string, headers: Record<string, string> = JSON_TYPE) {
  return request(url, { method: "POST", headers, body });
}

function join(server: RunningServer, fn_index: number, data: unknown[], session_hash: string, headers?: Record<string, string>) {
  return post(`${server.url}gradio_api/queue/join`, JSON.stringify({ data, fn_index, session_hash }), headers);
}

/** Reads a session's stream to its end; returns the messages. */
async function readStream(server: RunningServer, session: string): Promise<any[]> {
  const raw = await (await fetch(`${server.url}gradio_api/queue/data?session_hash=${session}`)).text();
  return raw
    .split("\n\n")
    .filter(Boolean)
    .map((block) => JSON.parse(block.slice("data: ".length)));
}

describe("A session that joins but never opens its data stream is never freed", () => {
  it("frees every session and queued event whose stream is not opened within stream_timeout", async () => {
    const server = await serve({ stream_timeout: 1.5 });
    const n = 300;
    const joins = await Promise.all(Array.from({ length: n }, (_, i) => join(server, FN.forever, [`${i}`], `idle-${i}`)));
    expect(joins.every((j) => j.status === 200)).toBe(true);
    expect(server.service.sessions.size).toBe(n);
    expect(server.service.queue.size).toBe(n - 1); // one runs, the others wait
    await until(() => server.service.sessions.size === 0);
    expect(server.service.queue.size).toBe(0);
    expect((await readStream(server, "idle-0"))[0]).toMatchObject({ msg: "unexpected_error", message: "404: Not Found" });
    // The running one was cancelled too (its slot is free), and a session that reads is served.
    const reader = await join(server, FN.forever, ["read"], "reader");
    expect(reader.status).toBe(200);
    const reading = readStream(server, "reader");
    await until(() => server.service.queue.size === 0 && server.service.sessions.size === 1);
    await sleep(1600); // past the timeout: an open stream keeps its session
    expect(server.service.sessions.size).toBe(1);
    await post(`${server.url}gradio_api/cancel`, JSON.stringify({ event_id: reader.json.event_id, session_hash: "reader" }));
    const messages = await reading;
    expect(messages.map((m) => m.msg)).toEqual(["estimation", "process_starts", "process_completed", "close_stream"]);
  });

  it("drops a session whose unread messages outgrow max_unread_size", async () => {
    const server = await serve({ max_unread_size: "4kb" });
    expect((await join(server, FN.big, [], "hoarder")).status).toBe(200);
    await until(() => server.service.sessions.size === 0);
    expect((await readStream(server, "hoarder"))[0]).toMatchObject({ msg: "unexpected_error" });
    // A small output still waits for its reader.
    expect((await join(server, FN.echo, ["hi"], "small")).status).toBe(200);
    await sleep(50);
    const messages = await readStream(server, "small");
    expect(messages.find((m) => m.msg === "process_completed").output.data).toEqual(["hi"]);
  });

  it("refuses joins with 503 once max_buffered_size bytes are held, and takes them again once freed", async () => {
    const server = await serve({ max_buffered_size: "64kb", stream_timeout: 0.3 });
    const text = "y".repeat(20_000);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await join(server, FN.forever, [text], `heavy-${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 503]);
    const refused = await join(server, FN.forever, [text], "heavy-x");
    expect(refused.json.detail).toMatch(/holding too much request data/);
    await until(() => server.service.sessions.size === 0);
    expect((await join(server, FN.forever, [text], "heavy-again")).status).toBe(200);
  });

  it("caps one session's waiting events (max_waiting_per_session): 429 for it, while another session still joins", async () => {
    const server = await serve({ max_waiting_per_session: 3 });
    // One runs, three wait: the fifth join of the session is refused.
    for (let i = 0; i < 4; i++) expect((await join(server, FN.forever, [`${i}`], "greedy")).status).toBe(200);
    const refused = await join(server, FN.forever, ["5"], "greedy");
    expect(refused.status).toBe(429);
    expect(refused.json.detail).toMatch(/this session already has 3 event\(s\) waiting.*max_waiting_per_session/);
    expect(server.service.queue.size).toBe(3);
    expect((await join(server, FN.forever, ["other"], "polite")).status).toBe(200);
    expect(server.service.queue.size).toBe(4);
  });

  it("defaults to 10 waiting events per session", async () => {
    const server = await serve();
    for (let i = 0; i < 11; i++) expect((await join(server, FN.forever, [`${i}`], "default")).status).toBe(200);
    expect((await join(server, FN.forever, ["12"], "default")).status).toBe(429);
  });
});

describe("CORS reflects any Origin with credentials, and /queue/join accepts text/plain", () => {
  const EVIL = "http://evil.example";

  it("gives a foreign or null origin no Access-Control-Allow-Origin, on the hot routes and the others", async () => {
    const server = await serve();
    for (const origin of [EVIL, "null"]) {
      const config = await request(`${server.url}config`, { headers: { origin } });
      expect(config.status).toBe(200); // readable by servers, not by a browser page of that origin
      expect(config.headers.get("access-control-allow-origin")).toBeNull();
      expect(config.headers.get("access-control-allow-credentials")).toBeNull();
      const joined = await join(server, FN.echo, ["a"], `s-${origin}`, { ...JSON_TYPE, origin });
      expect(joined.headers.get("access-control-allow-origin")).toBeNull();
      const stream = await fetch(`${server.url}gradio_api/queue/data?session_hash=s-${origin}`, { headers: { origin } });
      expect(stream.headers.get("access-control-allow-origin")).toBeNull();
      await stream.text();
      const preflight = await request(`${server.url}gradio_api/queue/join`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    }
  });

  it("refuses JSON routes a page can post without a preflight (text/plain, forms) with 415", async () => {
    const server = await serve();
    const body = JSON.stringify({ data: ["a"], fn_index: FN.echo, session_hash: "csrf" });
    for (const type of ["text/plain", "text/plain;charset=json", "application/x-www-form-urlencoded"]) {
      const joined = await post(`${server.url}gradio_api/queue/join`, body, { "content-type": type, origin: EVIL });
      expect(joined.status).toBe(415);
      expect(joined.json.detail).toMatch(/Content-Type: application\/json/);
      expect((await post(`${server.url}gradio_api/run/echo`, JSON.stringify({ data: ["a"] }), { "content-type": type })).status).toBe(415);
      expect((await post(`${server.url}gradio_api/cancel`, "{}", { "content-type": type })).status).toBe(415);
    }
    expect((await post(`${server.url}gradio_api/reset`, "{}", {})).status).toBe(415);
    expect(server.service.sessions.size).toBe(0);
  });

  it("allows the app's own origin, its loopback aliases and allowed_origins; no Origin (server-side clients) works", async () => {
    const server = await serve({ allowed_origins: ["https://app.example.com/"] });
    const own = new URL(server.url).origin;
    for (const origin of [own, `http://localhost:${server.port}`, "https://app.example.com"]) {
      const config = await request(`${server.url}config`, { headers: { origin } });
      expect(config.headers.get("access-control-allow-origin")).toBe(origin);
      expect(config.headers.get("access-control-allow-credentials")).toBe("true");
      const joined = await join(server, FN.echo, ["a"], "allowed", { ...JSON_TYPE, origin });
      expect(joined.status).toBe(200);
      expect(joined.headers.get("access-control-allow-origin")).toBe(origin);
      const preflight = await request(`${server.url}gradio_api/queue/join`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-gradio-user" },
      });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
      expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type,x-gradio-user");
      expect((await readStream(server, "allowed")).map((m) => m.msg)).toContain("process_completed");
    }
    for (const origin of ["https://app.example.com:8443", "http://app.example.com", `http://localhost:${server.port + 1}`]) {
      expect((await request(`${server.url}config`, { headers: { origin } })).headers.get("access-control-allow-origin")).toBeNull();
    }
    const plain = await join(server, FN.echo, ["b"], "no-origin");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    expect((await readStream(server, "no-origin")).find((m) => m.msg === "process_completed").output.data).toEqual(["b"]);
  });
});

describe("An 8 MB deeply nested JSON body blocks the event loop for seconds", () => {
  it("refuses a 1 MB body nested 500,000 deep with a 400, and goes on serving", async () => {
    const server = await serve();
    const depth = 500_000;
    const body = `{"data":${"[".repeat(depth)}${"]".repeat(depth)},"fn_index":1,"session_hash":"deep"}`;
    expect(body.length).toBeGreaterThan(1_000_000);
    for (const path of ["queue/join", "run/echo"]) {
      const res = await post(`${server.url}gradio_api/${path}`, body);
      expect(res.status).toBe(400);
      expect(res.json.detail).toBe("JSON body is nested too deeply: more than 64 levels of arrays and objects");
    }
    // Brackets inside strings are text, not nesting.
    const text = "[".repeat(1000);
    expect((await join(server, FN.echo, [text], "brackets")).status).toBe(200);
    expect((await readStream(server, "brackets")).find((m) => m.msg === "process_completed").output.data).toEqual([text]);
    const ok = await post(`${server.url}gradio_api/run/echo`, JSON.stringify({ data: ["still here"] }));
    expect(ok.json.data).toEqual(["still here"]);
  });

  it("takes max_json_depth, and gives small routes a small body limit (413)", async () => {
    const server = await serve({ max_json_depth: 3 });
    const deep = await post(`${server.url}gradio_api/run/echo`, JSON.stringify({ data: [[["x"]]] }));
    expect(deep.status).toBe(400);
    expect(deep.json.detail).toMatch(/more than 3 levels/);
    const cancel = await post(`${server.url}gradio_api/cancel`, JSON.stringify({ event_id: "x".repeat(20_000), session_hash: "s" }));
    expect(cancel.status).toBe(413);
    expect(cancel.json.detail).toMatch(/Request body is too large \(more than 16384 bytes\)/);
    // Join and run bodies keep max_body_size (10 MB by default).
    const big = await post(`${server.url}gradio_api/run/echo`, JSON.stringify({ data: ["z".repeat(100_000)] }));
    expect(big.status).toBe(200);
  });
});

describe("X-Forwarded-Host is trusted and steers the URLs the page loads its scripts from", () => {
  const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  it("ignores X-Forwarded-Host and -Proto from a peer that is not a trusted proxy", async () => {
    const server = await serve();
    const own = server.url.replace(/\/$/, "");
    expect((await request(`${server.url}config`, { headers: FORGED })).json.root).toBe(own);
    const page = (await request(server.url, { headers: FORGED })).text;
    expect(page).toContain(`"root":"${own}"`);
    expect(page).not.toContain("evil.example");
    // Nor does it make the forged host's origin the app's own.
    const config = await request(`${server.url}config`, { headers: { ...FORGED, origin: "https://evil.example" } });
    expect(config.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("believes them from trusted_proxies", async () => {
    const server = await serve({ trusted_proxies: ["loopback"] });
    const proxied = { "x-forwarded-host": "demo.example.com", "x-forwarded-proto": "https" };
    expect((await request(`${server.url}config`, { headers: proxied })).json.root).toBe("https://demo.example.com");
    expect((await request(server.url, { headers: proxied })).text).toContain(`"root":"https://demo.example.com"`);
    const config = await request(`${server.url}config`, { headers: { ...proxied, origin: "https://demo.example.com" } });
    expect(config.headers.get("access-control-allow-origin")).toBe("https://demo.example.com");
    const elsewhere = await serve({ trusted_proxies: ["10.0.0.0/8"] });
    expect((await request(`${elsewhere.url}config`, { headers: proxied })).json.root).toBe(elsewhere.url.replace(/\/$/, ""));
  });
});
