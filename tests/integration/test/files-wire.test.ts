/**
 * Files on the wire (issue 8), at the root and mounted: the official `@gradio/client` uploads a
 * file (`handle_file(Buffer|Blob)`) to a Vitrine app whose function gets its path and returns a
 * file, then the output is downloaded through its `url`, byte for byte; the serving rules hold
 * through the mount (traversal refused, a file the server did not issue refused at join, HTML
 * sent as a download).
 */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, servings, type Served } from "./harness.js";

/** Test only: the function gets the uploaded file's local path and returns a path, adopted into the cache. */
class PathFile extends vt.Component<string, string, vt.FileData | null> {
  readonly type = "wirepathfile";
  readonly ui = { file: fileURLToPath(import.meta.url) };

  override async preprocess(payload: vt.FileData | null, ctx?: vt.ProcessContext): Promise<string> {
    return payload ? ctx!.files.resolve(payload) : "";
  }

  override async postprocess(value: string, ctx?: vt.ProcessContext): Promise<vt.FileData | null> {
    return value ? ctx!.files.adopt(value, { name: "reversed.bin" }) : null;
  }

  api(): vt.ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe.each(servings)("files on the wire, %s", (_name, serve) => {
  let served: Served;
  let prefix = "";

  beforeAll(async () => {
    const app = new vt.Interface({
      fn: async (path: string) => {
        const out = join(tmpdir(), `vitrine-wire-${randomBytes(6).toString("hex")}.bin`);
        await writeFile(out, Buffer.from(await readFile(path)).reverse());
        return out;
      },
      inputs: [new PathFile({ label: "file" })],
      outputs: [new PathFile({ label: "reversed" })],
      api_name: "reverse",
    });
    served = await serve(app);
    prefix = new URL(served.url).pathname.replace(/\/$/, "");
  });
  afterAll(() => served?.close());

  it("@gradio/client uploads a Buffer and a Blob; the output downloads through its url, exactly", async () => {
    const client = await Client.connect(served.url);
    for (const input of [randomBytes(100_000), new Blob([new Uint8Array([1, 2, 3, 250])])]) {
      const bytes = Buffer.isBuffer(input) ? input : Buffer.from(await input.arrayBuffer());
      const result = await client.predict("/reverse", [handle_file(input)]);
      const out = (result.data as vt.FileData[])[0]!;
      expect(out).toMatchObject({ orig_name: "reversed.bin", meta: { _type: "gradio.FileData" } });
      expect(out.url).toBe(`${served.url}gradio_api/file=${out.path}`);
      const res = await fetch(out.url!);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes).reverse())).toBe(true);
    }
  });

  it("refuses traversal through file= and keeps serving", async () => {
    const [path] = (await (await fetch(`${served.url}gradio_api/upload`, { method: "POST", body: form("x", "x.txt") })).json()) as string[];
    for (const bad of [`${path}/../../../../etc/passwd`, "/etc/passwd", `${path}%00`, `${path}/..%2f..%2f..%2fetc/passwd`, `${path}/%252e%252e/x`]) {
      const res = await rawGet(served.url, `${prefix}/gradio_api/file=${bad}`);
      expect([bad, res.status]).toEqual([bad, 403]);
      expect(JSON.parse(res.body).detail).toMatch(/^File not allowed/);
    }
    expect((await fetch(`${served.url}gradio_api/file=${path}`)).status).toBe(200);
  });

  it("refuses at join a FileData the server did not issue, with a clear message", async () => {
    const res = await postJson(`${served.url}gradio_api/queue/join`, {
      data: [{ path: "/etc/passwd", meta: { _type: "gradio.FileData" } }],
      fn_index: 0,
      session_hash: "wire",
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/File not allowed: \/etc\/passwd\. A file input must be uploaded to this server first/);
  });

  it("sends an uploaded HTML file as a download with a restrictive CSP", async () => {
    const [path] = (await (await fetch(`${served.url}gradio_api/upload`, { method: "POST", body: form("<script>alert(1)</script>", "x.html") })).json()) as string[];
    const res = await fetch(`${served.url}gradio_api/file=${path}`);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

function form(text: string, name: string): FormData {
  const f = new FormData();
  f.append("files", new Blob([text]), name);
  return f;
}
