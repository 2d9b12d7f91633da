/**
 * Size limits (Gradio advisories on unbounded uploads and bodies): a JSON body over
 * `max_body_size` (or over 16 kB on the small routes) is refused with a 413, whether its length
 * is declared or it arrives chunked; a multipart upload over `max_file_size` with a 413 naming
 * the limit; JSON nested deeper than `max_json_depth` with a 400, before it is parsed (no stack
 * overflow at tens of thousands of levels). The server then still serves normal requests.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { calculator } from "@vitrine/demo-gallery";
import type { App } from "vitrine";
import { postJson, raw, serve, type RawResponse } from "./helpers.js";

const BODY_LIMIT = 64 * 1024;
const FILE_LIMIT = 100 * 1024;

/** Sends `total` bytes of a JSON body in chunks, without a Content-Length (chunked encoding). */
function chunkedPost(base: string, path: string, total: number): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, json: JSON.parse(body) }));
    });
    req.on("error", reject);
    req.write('{"data":["');
    const chunk = "a".repeat(8192);
    for (let sent = 0; sent < total; sent += chunk.length) req.write(chunk);
    req.end('"],"fn_index":0,"session_hash":"big"}');
  });
}

describe("size limits", () => {
  let app: App;
  let url: string;

  beforeAll(async () => {
    app = calculator();
    url = await serve(app, { max_body_size: BODY_LIMIT, max_file_size: FILE_LIMIT, max_json_depth: 32 });
  });
  afterAll(() => app?.close());

  /** Asserts the server still answers a prediction. */
  async function stillServes(): Promise<void> {
    const res = await postJson(`${url}gradio_api/run/predict`, { data: [6, "subtract", 2] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([4]);
    const client = await Client.connect(url);
    expect((await client.predict("/predict", [3, "add", 3])).data).toEqual([6]);
  }

  it("refuses JSON bodies over max_body_size with a 413 on the input routes", async () => {
    const big = { data: ["x".repeat(BODY_LIMIT + 10), "add", 1], fn_index: 0, session_hash: "big" };
    for (const path of ["queue/join", "run/predict", "call/predict"]) {
      const res = await postJson(`${url}gradio_api/${path}`, big);
      expect({ path, status: res.status }).toEqual({ path, status: 413 });
      expect(res.body.detail).toBe(`Request body is too large (more than ${BODY_LIMIT} bytes)`);
    }
    // Just under the limit is read (and then refused for its bad value, not its size).
    const under = await postJson(`${url}gradio_api/run/predict`, { data: ["x".repeat(BODY_LIMIT - 100), "add", 1] });
    expect(under.status).not.toBe(413);
    await stillServes();
  });

  it("refuses a chunked body that grows past the limit", async () => {
    const res = await chunkedPost(url, "/gradio_api/queue/join", 4 * BODY_LIMIT);
    expect(res.status).toBe(413);
    expect(res.json.detail).toMatch(/Request body is too large/);
    await stillServes();
  });

  it("refuses bodies over 16 kB on the small routes", async () => {
    for (const path of ["cancel", "reset"]) {
      const res = await postJson(`${url}gradio_api/${path}`, { event_id: "e".repeat(20_000), session_hash: "s", fn_index: 0 });
      expect({ path, status: res.status }).toEqual({ path, status: 413 });
      expect(res.body.detail).toBe(`Request body is too large (more than ${16 * 1024} bytes)`);
    }
    await stillServes();
  });

  it("refuses a multipart upload over max_file_size with a 413", async () => {
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(FILE_LIMIT + 1)]), "big.bin");
    const res = await fetch(`${url}gradio_api/upload`, { method: "POST", body: form });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain(`File is too large: this app accepts files of at most ${FILE_LIMIT} bytes (max_file_size)`);
    const ok = new FormData();
    ok.append("files", new Blob([new Uint8Array(FILE_LIMIT)]), "fits.bin");
    const fits = await fetch(`${url}gradio_api/upload`, { method: "POST", body: ok });
    expect(fits.status).toBe(200);
    await stillServes();
  });

  it("refuses deeply nested JSON with a 400 before parsing it", async () => {
    for (const depth of [33, 10_000, 1_000_000]) {
      const nested = `{"data":${"[".repeat(depth)}${"]".repeat(depth)},"fn_index":0,"session_hash":"deep"}`;
      for (const path of ["queue/join", "run/predict"]) {
        const res = await postJson(`${url}gradio_api/${path}`, depth > 100_000 ? nested.slice(0, BODY_LIMIT - 10) + "]}" : nested);
        expect({ depth, path, status: res.status }).toEqual({ depth, path, status: 400 });
        expect(res.body.detail).toBe("JSON body is nested too deeply: more than 32 levels of arrays and objects");
      }
    }
    const objects = `{"data":[1,"add",${'{"a":'.repeat(5000)}1${"}".repeat(5000)}]}`;
    const res = await raw(url, "/gradio_api/run/predict", { method: "POST", headers: { "content-type": "application/json" }, body: objects });
    expect(res.status).toBe(400);
    expect(res.json.detail).toMatch(/nested too deeply/);
    await stillServes();
  });
});
