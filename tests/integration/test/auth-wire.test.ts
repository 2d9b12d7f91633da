/**
 * An app launched with `auth`, over the wire: Gradio's official client and Vitrine's log in with
 * `auth` and call it; without a session, every route is refused (issue 11).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient } from "@gradio/client";
import { Client } from "@vitrine/client";
import express from "express";
import * as vt from "vitrine";

let server: vt.RunningServer;
let url: string;
const AUTH_MESSAGE = "Ask Ada for an account";

function whoami() {
  return vt.Blocks({ title: "Members" }, () => {
    const name = vt.Textbox({ label: "name" });
    const out = vt.Textbox({ label: "out" });
    vt.Button("Go").click({
      fn: (n: string, ctx) => `Hello ${n}, you are ${ctx.request.username}`,
      inputs: [name],
      outputs: [out],
      api_name: "predict",
    });
    const file = vt.File({ label: "file" });
    const size = vt.Number({ label: "size" });
    file.upload({ fn: (f: string | null) => (f === null ? -1 : f.length > 0 ? 1 : 0), inputs: [file], outputs: [size], api_name: "has_file" });
  });
}

beforeAll(async () => {
  server = await whoami().launch({
    server_port: 0,
    quiet: true,
    auth: async (user, password) => user === "ada" && password === "lovelace",
    auth_message: AUTH_MESSAGE,
    // So that its routes exist: they are refused like every other.
    mcp_server: true,
  });
  url = server.url;
});

afterAll(() => server.close());

describe("@gradio/client with auth", () => {
  it("logs in, connects and predicts; the function sees the user", async () => {
    const client = await GradioClient.connect(url, { auth: ["ada", "lovelace"] });
    const result = await client.predict("/predict", ["Ada"]);
    expect(result.data).toEqual(["Hello Ada, you are ada"]);
    client.close();
  });

  it("uploads a file through the protected upload route", async () => {
    const client = await GradioClient.connect(url, { auth: ["ada", "lovelace"] });
    const { handle_file } = await import("@gradio/client");
    const result = await client.predict("/has_file", [handle_file(new Blob(["hello"], { type: "text/plain" }))]);
    expect(result.data).toEqual([1]);
    client.close();
  });

  it("a wrong password fails to connect", async () => {
    await expect(GradioClient.connect(url, { auth: ["ada", "wrong"] })).rejects.toThrow();
  });

  it("without auth, connecting fails with the app's auth_message", async () => {
    await expect(GradioClient.connect(url)).rejects.toThrow(AUTH_MESSAGE);
  });
});

describe("@vitrine/client with auth", () => {
  it("logs in, connects and predicts", async () => {
    const client = await Client.connect(url, { auth: ["ada", "lovelace"] });
    expect((await client.predict("/predict", ["Grace"])).data).toEqual(["Hello Grace, you are ada"]);
    const [uploaded] = await client.upload([new Blob(["abc"], { type: "text/plain" })]);
    expect(new TextDecoder().decode(await client.download(uploaded!))).toBe("abc");
    client.close();
  });

  it("keeps a Cookie header of its own beside the session's", async () => {
    const client = await Client.connect(url, { auth: ["ada", "lovelace"], headers: { Cookie: "theme=dark" } });
    expect((await client.predict("/predict", ["x"])).data).toEqual(["Hello x, you are ada"]);
    client.close();
  });

  it("a wrong password, or none, fails with a clear message", async () => {
    await expect(Client.connect(url, { auth: ["ada", "nope"] })).rejects.toThrow(/invalid credentials/);
    await expect(Client.connect(url)).rejects.toThrow(AUTH_MESSAGE);
  });
});

describe("without a session", () => {
  const json = { "Content-Type": "application/json" };
  const routes: [string, RequestInit?][] = [
    ["config"],
    ["gradio_api/info"],
    ["gradio_api/queue/join", { method: "POST", headers: json, body: JSON.stringify({ data: ["x"], fn_index: 0, session_hash: "abc" }) }],
    ["gradio_api/queue/data?session_hash=abc"],
    ["gradio_api/upload", { method: "POST", body: (() => { const f = new FormData(); f.append("files", new Blob(["x"]), "x.txt"); return f; })() }],
    ["gradio_api/file=/etc/hostname"],
    ["gradio_api/run/predict", { method: "POST", headers: json, body: JSON.stringify({ data: ["x"] }) }],
    ["gradio_api/call/predict", { method: "POST", headers: json, body: JSON.stringify({ data: ["x"] }) }],
    ["gradio_api/call/v2/predict", { method: "POST", headers: json, body: JSON.stringify({ name: "x" }) }],
    ["gradio_api/openapi.json"],
    ["gradio_api/mcp/", { method: "POST", headers: { ...json, Accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) }],
    ["gradio_api/mcp/schema"],
    ["gradio_api/component_server", { method: "POST", headers: json, body: JSON.stringify({ session_hash: "abc", component_id: 1, fn_name: "x", data: null }) }],
    ["gradio_api/heartbeat/abc"],
    ["components/textbox.js"],
  ];

  // Every row has both arguments: jest gives a test with more parameters than its row a `done` callback.
  it.each(routes.map(([path, init]) => [path, init ?? {}] as const))("%s is refused with 401 and Gradio's detail", async (path, init) => {
    const res = await fetch(url + path, init);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ detail: { error: "Not authenticated", auth_message: AUTH_MESSAGE } });
  });

  it("/ shows the login form, never the app's config", async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form class="vt-login"');
    expect(html).not.toContain("__VITRINE_CONFIG__");
    expect(html).not.toContain("Hello");
  });

  it("the live channel (WebSocket) is refused, and opens with a session", async () => {
    expect(await upgrade()).toBe("http 403");
    const body = new URLSearchParams({ username: "ada", password: "lovelace" });
    const login = await fetch(`${url}login`, { method: "POST", body });
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    expect(await upgrade(cookie)).toBe("open");
  });
});

/** Asks for the live channel's WebSocket upgrade: "open", or the HTTP status it was refused with. */
async function upgrade(cookie?: string): Promise<string> {
  const { request } = await import("node:http");
  return new Promise<string>((resolve, reject) => {
    const req = request(`${url}gradio_api/live/abc`, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      resolve("open");
    });
    req.on("response", (res) => {
      res.resume();
      resolve(`http ${res.statusCode}`);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a mounted app with auth", () => {
  it("guards its routes under the mount path and logs in there", async () => {
    const host = express();
    vt.mount(host, "/members", whoami(), { auth: ["ada", "lovelace"] });
    const http = host.listen(0, "127.0.0.1");
    await new Promise((r) => http.once("listening", r));
    const base = `http://127.0.0.1:${(http.address() as { port: number }).port}/members/`;
    try {
      expect((await fetch(`${base}config`)).status).toBe(401);
      const client = await GradioClient.connect(base, { auth: ["ada", "lovelace"] });
      expect((await client.predict("/predict", ["M"])).data).toEqual(["Hello M, you are ada"]);
      client.close();
      const logout = await fetch(`${base}logout`, { redirect: "manual" });
      expect(logout.headers.get("location")).toBe("./");
    } finally {
      await vt.closeServer(http, []);
    }
  });
});
