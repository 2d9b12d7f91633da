/**
 * Gradio's other forms of the file route, under the rules of `GET /gradio_api/file=<path>`: the
 * legacy `/gradio_api/file/<path>` (still served by Gradio 5 and 6), and `/file=<path>` and
 * `/file/<path>` without the API prefix (Gradio 4's).
 */
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../../test/fixtures/textbox.js";
import { launch, type RunningServer } from "../index.js";

let server: RunningServer;
let uploaded = "";
const content = randomBytes(64);

function raw(path: string, method = "GET", body?: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

beforeAll(async () => {
  const app = Blocks(() => {
    const t = Textbox();
    t.submit({ fn: (s: string) => s, inputs: [t], outputs: [t] });
  });
  server = await launch(app, { server_port: 0, quiet: true });
  const boundary = "----legacy";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="data.png"\r\nContent-Type: image/png\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await raw("/gradio_api/upload", "POST", body, { "Content-Type": `multipart/form-data; boundary=${boundary}` });
  expect(res.status).toBe(200);
  uploaded = (JSON.parse(res.body.toString()) as string[])[0]!;
});
afterAll(() => server.close());

const forms = [
  ["/gradio_api/file/<path>", (p: string) => `/gradio_api/file/${p}`],
  ["/file=<path>", (p: string) => `/file=${p}`],
  ["/file/<path>", (p: string) => `/file/${p}`],
] as const;

describe.each(forms)("%s", (_name, url) => {
  it("serves a cached file with its type, ranges and HEAD", async () => {
    const res = await raw(url(uploaded));
    expect(res.status).toBe(200);
    expect(res.body.equals(content)).toBe(true);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    const part = await raw(url(uploaded), "GET", undefined, { Range: "bytes=2-5" });
    expect(part.status).toBe(206);
    expect(part.body.equals(content.subarray(2, 6))).toBe(true);
    expect((await raw(url(uploaded), "HEAD")).status).toBe(200);
  });

  it.each([
    ["a path outside the cache", "/etc/passwd"],
    ["`..` segments", () => `${uploaded}/../../../../../etc/passwd`],
    ["encoded dots", () => `${uploaded.replace(/\/[^/]+$/, "")}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`],
    ["encoded separators", () => `${uploaded}/..%2f..%2f..%2fetc/passwd`],
    ["a null byte", () => `${uploaded}%00.png`],
    ["a relative path", "etc/passwd"],
  ])("refuses %s with 403, and keeps serving", async (_what, path) => {
    const p = typeof path === "function" ? path() : path;
    const res = await raw(url(p));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString()).detail).toMatch(/^File not allowed: /);
    expect((await raw("/config")).status).toBe(200);
  });
});

it("still serves /gradio_api/file=<path>, and nothing but GET and HEAD on the legacy forms", async () => {
  expect((await raw(`/gradio_api/file=${uploaded}`)).status).toBe(200);
  expect((await raw(`/file=${uploaded}`, "POST")).status).toBe(404);
});
