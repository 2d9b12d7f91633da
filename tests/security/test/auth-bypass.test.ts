/**
 * Authentication bypass (Gradio advisories on routes left open with `auth`, and on timing
 * attacks at login): with `auth`, no route of the app answers without a session cookie, however
 * its path is spelled — other case, doubled or trailing slashes, a trailing dot, percent-encoded
 * letters or slashes, `..` segments — and whatever the method (HEAD, OPTIONS without a
 * preflight, POST to the API); the app's function never runs. Logging in as an unknown user
 * goes through the same comparison as a known user with a wrong password: the same SHA-256
 * digest and one `timingSafeEqual` of two 32-byte digests (recorded by wrapping node:crypto, a
 * deterministic check, not a stopwatch).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import type * as Crypto from "node:crypto";
import type { RawResponse } from "./helpers.js";

/** The calls of the comparison path: SHA-256 digests and constant-time comparisons. */
const calls: string[] = [];
jest.unstable_mockModule("node:crypto", () => {
  const actual = jest.requireActual<typeof Crypto>("node:crypto");
  return {
    ...actual,
    default: actual,
    createHash: (algorithm: string, ...rest: unknown[]) => {
      if (algorithm === "sha256") calls.push("sha256");
      return (actual.createHash as (...a: unknown[]) => Crypto.Hash)(algorithm, ...rest);
    },
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      calls.push(`timingSafeEqual(${a.byteLength},${b.byteLength})`);
      return actual.timingSafeEqual(a, b);
    },
  };
});
const vt = await import("vitrine");
const { login, raw, serve } = await import("./helpers.js");

describe("authentication bypass", () => {
  let app: InstanceType<typeof vt.Interface>;
  let url: string;
  const ran: unknown[] = [];

  beforeAll(async () => {
    app = new vt.Interface({
      fn: (text: string) => {
        ran.push(text);
        return text.toUpperCase();
      },
      inputs: vt.Textbox({ label: "text" }),
      outputs: vt.Textbox({ label: "upper" }),
    });
    url = await serve(app, { auth: [["admin", "secret"], ["other", "pass"]] });
  });
  afterAll(() => app?.close());

  /** Asserts a request without a session got nothing of the app: a 401 (or 404, or the login form). */
  function expectRefused(what: string, res: RawResponse): void {
    // A HEAD of the page gets the login form's headers (an empty body).
    const loginForm = res.status !== 404 && (res.body.includes("vt-login-form") || (what.startsWith("HEAD") && res.body === "" && /text\/html/.test(String(res.headers["content-type"]))));
    expect({ what, status: res.status, ok: res.status === 401 || res.status === 404 || loginForm || (res.status === 405 && !res.body) }).toEqual({
      what,
      status: res.status,
      ok: true,
    });
    expect({ what, leak: /"dependencies"|"named_endpoints"|"event_id"|"app_id"|HELLO/.test(res.body) }).toEqual({ what, leak: false });
  }

  async function stillServes(): Promise<void> {
    const { cookie } = await login(url, "admin", "secret");
    const res = await raw(url, "/gradio_api/run/predict", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookie! },
      body: JSON.stringify({ data: ["ok"] }),
    });
    expect(res.json.data).toEqual(["OK"]);
  }

  it("refuses every spelling of the app's routes without a session", async () => {
    const gets = [
      "/config", "/CONFIG", "/Config/", "//config", "/config.", "/config%2e", "/%63onfig", "/config;x", "/./config", "/x/../config",
      "/%2e%2e/config", "/gradio_api/info", "/GRADIO_API/info", "/gradio_api//info", "//gradio_api/info", "/gradio_api/info.",
      "/gradio_api%2finfo", "/gradio_api%2Finfo", "/gradio_api/%2e%2e/config", "/gradio_api/x/..%2f..%2fconfig",
      "/gradio_api/queue/data?session_hash=x", "/gradio_api/heartbeat/x", "/gradio_api/app_id", "/gradio_api/upload_progress?upload_id=x",
      "/gradio_api/file=/etc/hostname", "/file=/etc/hostname", "/gradio_api/call/predict/abc", "/theme.css?x", "/gradio_api/openapi.json",
      "/gradio_api/mcp/schema", "/index.html", "/?view=api",
    ];
    for (const path of gets) {
      for (const method of ["GET", "HEAD"]) expectRefused(`${method} ${path}`, await raw(url, path, { method, headers: { accept: "application/json" } }));
    }
    const body = JSON.stringify({ data: ["hello"], fn_index: 0, session_hash: "s1" });
    for (const path of [
      "/gradio_api/queue/join", "/GRADIO_API/queue/join", "/gradio_api//queue/join", "//gradio_api/queue/join", "/gradio_api/queue/join/",
      "/gradio_api/queue/join.", "/gradio_api/queue%2fjoin", "/gradio_api/x/../queue/join", "/gradio_api/run/predict", "/gradio_api/RUN/predict",
      "/gradio_api/run/predict/", "/gradio_api/api/predict", "/gradio_api/call/predict", "/gradio_api/run/predict.", "/run/predict",
      "/gradio_api/upload", "/gradio_api/cancel", "/gradio_api/component_server", "/gradio_api/stream/x", "/gradio_api/mcp",
    ]) {
      for (const method of ["POST", "PUT", "OPTIONS"]) {
        expectRefused(`${method} ${path}`, await raw(url, path, { method, headers: { "content-type": "application/json" }, body }));
      }
    }
    // A forged or stale cookie is no session either.
    for (const cookie of ["access-token=forged", "access-token-x=forged", ""]) {
      expectRefused(`cookie ${cookie}`, await raw(url, "/config", { headers: { cookie } }));
    }
    expect(ran).toEqual([]);
    await stillServes();
    expect(ran).toEqual(["ok"]);
  });

  it("compares an unknown user's password exactly as a known user's (same digest, one timingSafeEqual)", async () => {
    const attempt = async (username: string, password: string) => {
      calls.length = 0;
      const res = await login(url, username, password);
      return { status: res.status, cookie: res.cookie, calls: [...calls] };
    };
    const known = await attempt("admin", "wrong");
    const unknown = await attempt("nobody", "wrong");
    const unknownLong = await attempt("nobody-with-a-much-longer-name", "a much longer wrong password");
    expect(known).toEqual({ status: 400, cookie: null, calls: ["sha256", "timingSafeEqual(32,32)"] });
    expect(unknown).toEqual(known);
    expect(unknownLong).toEqual(known);
    // The right password takes the same path, and logs in.
    const good = await attempt("other", "pass");
    expect(good.calls).toEqual(known.calls);
    expect(good.cookie).toMatch(/^access-token-/);
    await stillServes();
  });
});
