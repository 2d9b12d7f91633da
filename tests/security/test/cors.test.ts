/**
 * CORS (Gradio advisories GHSA-m842-4qm8-7gpq and kin, the `null` origin and localhost-alias
 * bypasses): a page of a foreign origin, a sandboxed page (`Origin: null`), a look-alike host or
 * a loopback alias on another port never gets `Access-Control-Allow-Origin` on the API, so it
 * cannot read answers with the user's cookies; its preflights are refused, its simple
 * (no-preflight) bodies refused as not JSON, and its uploads refused. The app's own origin and
 * its loopback aliases on the same port keep working, with credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { calculator } from "@vitrine/demo-gallery";
import type { App } from "vitrine";
import { raw, serve } from "./helpers.js";

describe("CORS", () => {
  let app: App;
  let url: string;
  let port: string;
  const upload = (origin: string) =>
    raw(url, "/gradio_api/upload", {
      method: "POST",
      headers: { origin, "content-type": "multipart/form-data; boundary=XX" },
      body: '--XX\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\nhello\r\n--XX--\r\n',
    });
  const preflight = (origin: string, path = "/gradio_api/queue/join") =>
    raw(url, path, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
  const foreign = () => [
    "https://evil.example",
    "null",
    `http://localhost:${Number(port) + 1}`,
    `http://127.0.0.1:${Number(port) + 1}`,
    `http://127.0.0.1.evil.example:${port}`,
    `http://localhost.evil.example:${port}`,
    `http://evil.example:${port}`,
    `https://127.0.0.1:${port}.evil.example`,
    "file://",
    `chrome-extension://abcdef`,
  ];

  beforeAll(async () => {
    app = calculator();
    url = await serve(app);
    port = new URL(url).port;
  });
  afterAll(() => app?.close());

  /** Asserts the server still answers its own origin and a server-side client. */
  async function stillServes(): Promise<void> {
    const own = await raw(url, "/config", { headers: { origin: `http://127.0.0.1:${port}` } });
    expect(own.status).toBe(200);
    expect(own.headers["access-control-allow-origin"]).toBe(`http://127.0.0.1:${port}`);
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [4, "multiply", 5])).data).toEqual([20]);
  }

  it("gives no Access-Control-Allow-Origin to foreign, null or look-alike origins on API routes", async () => {
    for (const origin of foreign()) {
      for (const path of ["/config", "/gradio_api/info", "/gradio_api/queue/data?session_hash=x", "/gradio_api/file=/etc/passwd"]) {
        const res = await raw(url, path, { headers: { origin, cookie: "access-token=abc" } });
        expect({ origin, path, acao: res.headers["access-control-allow-origin"] }).toEqual({ origin, path, acao: undefined });
        expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
        expect(res.headers.vary).toMatch(/Origin/);
      }
    }
    await stillServes();
  });

  it("refuses foreign preflights with a 403 naming the origin, so JSON posts from a foreign page never leave the browser", async () => {
    for (const origin of foreign()) {
      for (const path of ["/gradio_api/queue/join", "/gradio_api/run/predict", "/gradio_api/upload", "/gradio_api/cancel", "/config", "/gradio_api/nowhere"]) {
        const res = await preflight(origin, path);
        expect({ origin, path, status: res.status, acao: res.headers["access-control-allow-origin"] }).toEqual({ origin, path, status: 403, acao: undefined });
        expect(res.json.detail).toMatch(/^Cross-origin request refused: pages of .* may not call this app\. Add the origin to allowed_origins to allow it\.$/);
        if (origin !== "null") expect(res.json.detail).toContain(origin);
      }
    }
    await stillServes();
  });

  it("refuses simple (no-preflight) cross-site bodies: text/plain and form posts are not JSON", async () => {
    const body = JSON.stringify({ data: [1, "add", 2], fn_index: 0, session_hash: "csrf" });
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      for (const path of ["/gradio_api/queue/join", "/gradio_api/run/predict"]) {
        const res = await raw(url, path, { method: "POST", headers: { origin: "https://evil.example", "content-type": type }, body });
        expect({ type, path, status: res.status }).toEqual({ type, path, status: 415 });
        expect(res.json.detail).toMatch(/Unsupported content type: send the body as JSON/);
      }
    }
    await stillServes();
  });

  it("refuses uploads from foreign and null origins", async () => {
    for (const origin of foreign()) {
      const res = await upload(origin);
      expect({ origin, status: res.status }).toEqual({ origin, status: 403 });
      expect(res.body).toBe("Uploads from this origin are not allowed");
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    }
    await stillServes();
  });

  it("allows the app's own origin and its loopback aliases on the same port, with credentials", async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const res = await raw(url, "/config", { headers: { origin } });
      expect(res.headers["access-control-allow-origin"]).toBe(origin);
      expect(res.headers["access-control-allow-credentials"]).toBe("true");
      const pre = await preflight(origin);
      expect(pre.status).toBe(204);
      expect(pre.headers["access-control-allow-origin"]).toBe(origin);
      const up = await upload(origin);
      expect(up.status).toBe(200);
      expect(up.json[0]).toMatch(/a\.txt$/);
    }
    // Never a wildcard together with credentials.
    const res = await raw(url, "/config", { headers: { origin: `http://localhost:${port}` } });
    expect(res.headers["access-control-allow-origin"]).not.toBe("*");
    await stillServes();
  });
});
