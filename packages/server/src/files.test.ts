/**
 * Files (issue 8), server side: uploads streamed to disk, `file=` with ranges, the serving
 * rules (one test per refused traversal form, each followed by a request the server must still
 * answer), max_file_size while streaming, the SSRF-safe fetcher, active content as downloads,
 * and a test-only file component going through `ctx.files` with the official `@gradio/client`.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file } from "@gradio/client";
import express from "express";
import { Blocks, Component, type ApiDescription, type FileData, type ProcessContext } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { FileCache } from "./files/cache.js";
import { FetchRefused, isPublicAddress, safeFetch } from "./files/ssrf.js";
import { launch, mount, type RunningServer } from "./index.js";

/** A file input/output for these tests: the function gets a local path, returns a path (adopted into the cache). */
class PathFile extends Component<string, string, FileData | null> {
  readonly type = "testpathfile";
  readonly ui = { file: "/nonexistent/testpathfile.js" };

  override async preprocess(payload: FileData | null, ctx?: ProcessContext): Promise<string> {
    if (!payload) return "";
    return ctx!.files.resolve(payload);
  }

  override async postprocess(value: string, ctx?: ProcessContext): Promise<FileData | null> {
    return value ? ctx!.files.adopt(value) : null;
  }

  api(): ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

/** An output of bytes, saved through the file store. */
class BytesOut extends Component<never, Uint8Array, FileData | null> {
  readonly type = "testbytesout";
  readonly ui = { file: "/nonexistent/testbytesout.js" };

  override postprocess(value: Uint8Array, ctx?: ProcessContext): Promise<FileData | null> {
    return ctx!.files.save(value, { name: "out.bin" });
  }

  api(): ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

let server: RunningServer;
let api: string;
let work = "";
let allowed = "";
let outside = "";
/** Lets the fetcher reach 127.0.0.1 (the positive SSRF case); else only public addresses. */
let allowLoopback = false;
let remote: Server;
let remoteUrl = "";

const MAX = 64 * 1024;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "vitrine-files-test-"));
  allowed = join(work, "Allowed");
  mkdirSync(join(allowed, "Secret"), { recursive: true });
  writeFileSync(join(allowed, "public.txt"), "public text");
  writeFileSync(join(allowed, "Secret", "key.txt"), "secret");
  outside = join(work, "outside.txt");
  writeFileSync(outside, "outside the cache");
  const app = Blocks(() => {
    const trigger = Textbox({ label: "trigger" });
    const file = new PathFile({ label: "file" });
    const out = new PathFile({ label: "out" });
    const bytes = new BytesOut({ label: "bytes" });
    const size = Textbox({ label: "size" });
    trigger.submit({
      fn: async (path: string) => {
        const data = await readFile(path);
        const copy = join(work, `reversed-${randomBytes(4).toString("hex")}.bin`);
        await writeFile(copy, Buffer.from(data).reverse());
        return copy;
      },
      inputs: [file],
      outputs: [out],
      api_name: "reverse",
    });
    trigger.change({ fn: (path: string) => path, inputs: [file], outputs: [out], api_name: "echo" });
    trigger.blur({ fn: async (path: string) => String((await readFile(path)).length), inputs: [file], outputs: [size], api_name: "size" });
    trigger.focus({ fn: () => "/etc/hostname", inputs: [], outputs: [out], api_name: "escape" });
    trigger.select({
      fn: async function* (path: string) {
        const text = await readFile(path, "utf8");
        for (const line of text.split("\n")) yield line;
      },
      inputs: [file],
      outputs: [size],
      api_name: "lines",
    });
    trigger.input({
      fn: async function* () {
        yield new Uint8Array([1]);
        yield new Uint8Array([1, 2]);
        yield new Uint8Array([1, 2, 3]);
      },
      inputs: [],
      outputs: [bytes],
      api_name: "count",
    });
  });
  server = await launch(app, {
    server_port: 0,
    quiet: true,
    show_error: true,
    max_file_size: MAX,
    allowed_paths: [allowed],
    blocked_paths: [join(allowed, "Secret")],
    url_address_check: (address, family) => (allowLoopback && address === "127.0.0.1") || isPublicAddress(address, family),
  });
  api = `${server.url}gradio_api`;
  remote = createServer((req, res) => {
    if (req.url === "/redirect") {
      res.writeHead(302, { Location: `http://127.0.0.2:${(remote.address() as AddressInfo).port}/data.bin` });
      res.end();
    } else {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.end(Buffer.from("remote bytes"));
    }
  });
  await new Promise<void>((r) => remote.listen(0, "127.0.0.1", r));
  remoteUrl = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
});

afterAll(async () => {
  const root = server.service.files.root;
  await server.close();
  expect(existsSync(root)).toBe(false);
  await new Promise((r) => remote.close(r));
  await rm(work, { recursive: true, force: true });
});

/** An HTTP request with the path sent exactly as given (fetch would normalise `..` and backslashes). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}) {
  const { port } = new URL(server.url);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

function multipart(parts: { name?: string; filename?: string; type?: string; data: Buffer | string }[]) {
  const boundary = `----vitrine${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name ?? "files"}"${p.filename !== undefined ? `; filename="${p.filename}"` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${p.type ?? "application/octet-stream"}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

async function upload(parts: Parameters<typeof multipart>[0], query = "") {
  const { body, type } = multipart(parts);
  return raw(`/gradio_api/upload${query}`, { method: "POST", headers: { "Content-Type": type, "Content-Length": String(body.length) }, body });
}

async function uploadOne(data: Buffer | string, filename = "data.bin", type?: string): Promise<string> {
  const res = await upload([{ filename, data, type }]);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body.toString()) as string[])[0]!;
}

/** The server still answers after a refused request. */
async function stillServes(): Promise<void> {
  const res = await fetch(`${server.url}config`);
  expect(res.status).toBe(200);
}

/** The files of the cache (not counting the partial folder's name itself). */
function cacheFiles(): string[] {
  const root = server.service.files.root;
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe("upload and file=", () => {
  it("round-trips bytes exactly, answers a bare array in part order, and shares folders for identical content", async () => {
    const a = randomBytes(20_000);
    const b = randomBytes(3);
    const res = await upload([
      { filename: "a.bin", data: a },
      { name: "other", data: "ignored field" },
      { name: "ignored", filename: "x.bin", data: "ignored file" },
      { filename: "b.bin", data: b },
    ]);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    const paths = JSON.parse(res.body.toString()) as string[];
    expect(paths).toHaveLength(2);
    expect(paths[0]!.startsWith(`${server.service.files.root}/`)).toBe(true);
    expect(paths[0]!.endsWith("/a.bin")).toBe(true);
    for (const [i, bytes] of [a, b].entries()) {
      const got = await fetch(`${api}/file=${paths[i]}`);
      expect(got.status).toBe(200);
      expect(got.headers.get("x-content-type-options")).toBe("nosniff");
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect(await uploadOne(a, "a.bin")).toBe(paths[0]);
    // Percent-encoded paths are decoded (httpx encodes spaces).
    const spaced = await uploadOne("spaced", "my file.txt");
    expect((await fetch(`${api}/file=${encodeURI(spaced)}`)).status).toBe(200);
  });

  it("serves ranges and HEAD", async () => {
    const data = Buffer.from("0123456789abcdef");
    const path = await uploadOne(data, "range.bin");
    const part = await raw(`/gradio_api/file=${path}`, { headers: { Range: "bytes=2-5" } });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe("2345");
    expect(part.headers["content-range"]).toBe(`bytes 2-5/${data.length}`);
    const head = await raw(`/gradio_api/file=${path}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(data.length));
    expect(head.headers["accept-ranges"]).toBe("bytes");
  });

  it("refuses a body that is not multipart with 400", async () => {
    const res = await raw("/gradio_api/upload", { method: "POST", headers: { "Content-Type": "application/json" }, body: Buffer.from("[]") });
    expect(res.status).toBe(400);
    expect(res.body.toString()).toMatch(/multipart\/form-data/);
    await stillServes();
  });

  it("refuses a file over max_file_size while streaming (413) and leaves nothing on disk", async () => {
    const before = cacheFiles();
    const res = await upload([
      { filename: "small.bin", data: randomBytes(100) },
      { filename: "big.bin", data: randomBytes(MAX + 1) },
    ]);
    expect(res.status).toBe(413);
    expect(res.body.toString()).toMatch(/too large.*max_file_size/);
    expect(cacheFiles()).toEqual(before);
    await stillServes();
    // A body far larger than the limit is refused the same way, the rest of it read and dropped.
    const huge = await upload([{ filename: "huge.bin", data: Buffer.alloc(8 * 1024 * 1024, 1) }]);
    expect(huge.status).toBe(413);
    expect(cacheFiles()).toEqual(before);
    // A file of exactly max_file_size is accepted.
    await uploadOne(randomBytes(MAX), "exact.bin");
  });

  it("refuses too many parts (413) and leaves nothing on disk", async () => {
    const before = cacheFiles();
    const parts = Array.from({ length: 1001 }, (_, i) => ({ filename: `f${i}.txt`, data: `file ${i}` }));
    const res = await upload(parts);
    expect(res.status).toBe(413);
    expect(res.body.toString()).toMatch(/Too many files/);
    expect(cacheFiles()).toEqual(before);
    await stillServes();
  });

  it("refuses part headers beyond the limit and malformed bodies with 400", async () => {
    const res = await raw("/gradio_api/upload", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: Buffer.from("--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\"\r\n\r\nunterminated"),
    });
    expect(res.status).toBe(400);
    await stillServes();
  });

  it("refuses an upload from a page of another origin", async () => {
    const { body, type } = multipart([{ filename: "a.txt", data: "x" }]);
    const res = await raw("/gradio_api/upload", { method: "POST", headers: { "Content-Type": type, Origin: "https://evil.example" }, body });
    expect(res.status).toBe(403);
    await stillServes();
  });

  it("reports progress for an upload_id as Server-Sent Events, ending with done", async () => {
    const id = "up1";
    const stream = fetch(`${api}/upload_progress?upload_id=${id}`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    await upload([{ filename: "p.bin", data: randomBytes(30_000) }], `?upload_id=${id}`);
    const messages = (await stream).split("\n\n").filter(Boolean).map((line) => JSON.parse(line.slice("data: ".length)));
    const updates = messages.filter((m) => m.msg === "update");
    expect(updates.length).toBeGreaterThan(0);
    expect(updates[0]).toMatchObject({ orig_name: "p.bin" });
    expect(updates.reduce((n, m) => n + m.chunk_size, 0)).toBe(30_000);
    expect(messages.at(-1)).toEqual({ msg: "done" });
  });

  it("serves HTML and SVG as attachments with a restrictive CSP, images inline", async () => {
    const html = await uploadOne("<script>alert(1)</script>", "page.html", "text/html");
    const res = await fetch(`${api}/file=${html}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?page\.html"?$/);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const svg = await uploadOne("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "pic.svg");
    expect((await fetch(`${api}/file=${svg}`)).headers.get("content-disposition")).toMatch(/^attachment/);
    const png = await uploadOne(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "pic.png");
    const image = await fetch(`${api}/file=${png}`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("content-disposition")).toBeNull();
  });
});

describe("file= refuses every traversal form (403), and the server answers the next request", () => {
  let uploaded = "";
  let cacheRoot = "";
  beforeAll(async () => {
    uploaded = await uploadOne("inside", "inside.txt");
    cacheRoot = server.service.files.root;
  });

  const refused = async (path: string) => {
    const res = await raw(`/gradio_api/file=${path}`);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString()).detail).toMatch(/^File not allowed: /);
    await stillServes();
  };

  it("rule: `..` segments", () => refused(`${uploaded}/../../../../../etc/passwd`));
  it("rule: percent-encoded dots (%2e%2e)", () => refused(`${cacheRoot}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`));
  it("rule: double-encoded dots (%252e%252e)", () => refused(`${cacheRoot}/%252e%252e/%252e%252e/etc/passwd`));
  it("rule: encoded separators (..%2f)", () => refused(`${cacheRoot}/..%2f..%2f..%2fetc/passwd`));
  it("rule: double-encoded separators (%252f)", () => refused(`${cacheRoot}/..%252f..%252fetc/passwd`));
  it("rule: null bytes (%00)", () => refused(`${uploaded}%00.png`));
  it("rule: backslashes, raw and encoded", async () => {
    await refused(`${cacheRoot}\\..\\..\\etc\\passwd`);
    await refused(`${cacheRoot}%5c..%5c..%5cetc%5cpasswd`);
  });
  it("rule: a symlink inside the cache pointing out", async () => {
    const dir = join(cacheRoot, "planted");
    mkdirSync(dir, { recursive: true });
    symlinkSync(outside, join(dir, "link.txt"));
    await refused(join(dir, "link.txt"));
  });
  it("rule: an absolute path outside the cache and allowed_paths", () => refused("/etc/passwd"));
  it("rule: case tricks do not reach allowed or blocked folders", async () => {
    await refused(join(work, "allowed", "public.txt"));
    await refused(join(allowed, "SECRET", "key.txt").replace(allowed, allowed.toUpperCase()));
  });
  it("rule: blocked_paths inside allowed_paths", () => refused(join(allowed, "Secret", "key.txt")));
  it("rule: the upload's partial folder", () => refused(join(cacheRoot, ".partial", "x")));
  it("serves a file inside allowed_paths", async () => {
    const res = await fetch(`${api}/file=${join(allowed, "public.txt")}`);
    expect(await res.text()).toBe("public text");
  });
});

describe("FileStore through events", () => {
  it("@gradio/client uploads with handle_file(Buffer), the function gets the path, and the output downloads by its url", async () => {
    const client = await Client.connect(server.url);
    const data = randomBytes(5000);
    const result = await client.predict("/reverse", [handle_file(data)]);
    const out = (result.data as FileData[])[0]!;
    expect(out.meta._type).toBe("gradio.FileData");
    expect(out.path.startsWith(`${server.service.files.root}/`)).toBe(true);
    expect(out.url).toBe(`${api}/file=${out.path}`);
    const got = Buffer.from(await (await fetch(out.url!)).arrayBuffer());
    expect(got.equals(Buffer.from(data).reverse())).toBe(true);
    // A Blob too, through the same path.
    const blob = await client.predict("/size", [handle_file(new Blob([new Uint8Array(1234)]))]);
    expect(blob.data).toEqual(["1234"]);
  });

  it("refuses at join a FileData pointing at a file the server did not issue", async () => {
    for (const path of ["/etc/passwd", outside, `${server.service.files.root}/../x`]) {
      const res = await fetch(`${api}/queue/join`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ data: [{ path, meta: { _type: "gradio.FileData" } }], fn_index: 0, session_hash: "s1", event_data: null, trigger_id: null }),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/^File not allowed: .*uploaded to this server/);
    }
    await stillServes();
  });

  it("refuses a returned path outside the working directory, temp folder and allowed_paths (the event fails clearly)", async () => {
    const client = await Client.connect(server.url);
    const err = await client.predict("/escape", []).then(
      () => null,
      (e: unknown) => e as { message?: string },
    );
    expect(err?.message).toMatch(/Cannot return the file \/etc\/hostname: it is not in the working directory/);
  });

  it("saves bytes from each yield of a generator, in order, with urls", async () => {
    const client = await Client.connect(server.url, { events: ["data", "status"] });
    const outs: FileData[] = [];
    for await (const msg of client.submit("/count", [])) {
      // @gradio/client applies diffs in place: keep a copy of each message as it came.
      if (msg.type === "data") outs.push(structuredClone((msg.data as FileData[])[0]!));
    }
    const sizes = await Promise.all(outs.map(async (o) => (await (await fetch(o.url!)).arrayBuffer()).byteLength));
    expect(sizes.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it("gives file URLs at the app's root from /run, not under the API prefix twice", async () => {
    const run = await fetch(`${api}/run/count`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ data: [] }) });
    const [file] = ((await run.json()) as { data: FileData[] }).data;
    expect(file!.url).toMatch(new RegExp(`^${server.url}gradio_api/file=`));
    expect((await fetch(file!.url!)).status).toBe(200);
  });

  it("drives a generator whose file input is resolved asynchronously, and answers /run with a file input", async () => {
    const path = await uploadOne("one\ntwo\nthree", "lines.txt");
    const client = await Client.connect(server.url, { events: ["data", "status"] });
    const seen: unknown[] = [];
    for await (const msg of client.submit("/lines", [{ path, meta: { _type: "gradio.FileData" } }])) {
      if (msg.type === "data") seen.push((msg.data as unknown[])[0]);
    }
    expect(seen.slice(0, 3)).toEqual(["one", "two", "three"]);
    const run = await fetch(`${api}/run/size`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ data: [{ path, meta: { _type: "gradio.FileData" } }] }),
    });
    expect(((await run.json()) as { data: unknown[] }).data).toEqual(["13"]);
    const refused = await fetch(`${api}/run/size`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ data: [{ path: "/etc/passwd", meta: { _type: "gradio.FileData" } }] }),
    });
    expect(refused.status).toBe(400);
  });

  it("fetches an http(s) URL input only through the SSRF guard", async () => {
    const client = await Client.connect(server.url);
    const call = (url: string) =>
      client.predict("/size", [{ path: url, url, orig_name: "x.bin", meta: { _type: "gradio.FileData" } }]).then(
        (r: { data: unknown }) => ({ data: r.data as unknown[], message: null as string | null }),
        (e: { message?: string }) => ({ data: null, message: e.message ?? "" }),
      );
    expect((await call(`${remoteUrl}/data.bin`)).message).toMatch(/not a public address \(127\.0\.0\.1\)/);
    expect((await call("http://169.254.169.254/latest/meta-data/")).message).toMatch(/not a public address \(169\.254\.169\.254\)/);
    expect((await call("http://[::1]:1/")).message).toMatch(/not a public address/);
    expect((await call("file:///etc/passwd")).message).toMatch(/File not allowed|Only http/);
    allowLoopback = true;
    try {
      expect((await call(`${remoteUrl}/data.bin`)).data).toEqual([String("remote bytes".length)]);
      // A redirect from an allowed URL to another loopback address is checked again, and refused.
      expect((await call(`${remoteUrl}/redirect`)).message).toMatch(/not a public address \(127\.0\.0\.2\)/);
    } finally {
      allowLoopback = false;
    }
    await stillServes();
  });
});

describe("the SSRF-safe fetcher", () => {
  it("refuses non-public addresses, IPv4 and IPv6, mapped ones included", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "100.64.0.1"]) {
      expect([a, isPublicAddress(a, 4)]).toEqual([a, false]);
    }
    for (const a of ["::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1"]) {
      expect([a, isPublicAddress(a, 6)]).toEqual([a, false]);
    }
    expect(isPublicAddress("93.184.216.34", 4)).toBe(true);
    expect(isPublicAddress("2606:2800:220:1:248:1893:25c8:1946", 6)).toBe(true);
  });

  it("re-checks every redirect", async () => {
    const onlyFirst = (address: string) => address === "127.0.0.1";
    await expect(safeFetch(`${remoteUrl}/redirect`, { isAllowed: onlyFirst })).rejects.toBeInstanceOf(FetchRefused);
    const { response } = await safeFetch(`${remoteUrl}/data.bin`, { isAllowed: onlyFirst });
    response.resume();
    expect(response.statusCode).toBe(200);
  });
});

describe("the cache folder", () => {
  it("lives under VITRINE_TEMP_DIR, deletes old files (delete_cache) and is removed at close", async () => {
    const base = await mkdtemp(join(tmpdir(), "vitrine-cache-"));
    const previous = process.env.VITRINE_TEMP_DIR;
    process.env.VITRINE_TEMP_DIR = base;
    try {
      const cache = new FileCache({ delete_cache: [1, 0] }, 42);
      expect(cache.root.startsWith(`${base}/42-`)).toBe(true);
      const path = await cache.write(new Uint8Array([1, 2, 3]), "a.bin");
      expect(existsSync(path)).toBe(true);
      await new Promise((r) => setTimeout(r, 1300));
      expect(existsSync(path)).toBe(false);
      cache.close();
      expect(existsSync(cache.root)).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.VITRINE_TEMP_DIR;
      else process.env.VITRINE_TEMP_DIR = previous;
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe("under a mount path", () => {
  it("uploads and serves files below the mount path, with urls made for it", async () => {
    const app = Blocks(() => {
      const trigger = Textbox({ label: "trigger" });
      const out = new BytesOut({ label: "bytes" });
      trigger.submit({ fn: () => new Uint8Array([7, 8, 9]), inputs: [], outputs: [out], api_name: "bytes" });
    });
    const host = express();
    const service = mount(host, "/demo", app, { max_file_size: "1kb" });
    const http = host.listen(0, "127.0.0.1");
    await new Promise((r) => http.once("listening", r));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/demo`;
    try {
      const config = (await (await fetch(`${base}/config`)).json()) as { max_file_size: number };
      expect(config.max_file_size).toBe(1024);
      const form = new FormData();
      form.append("files", new Blob(["mounted"]), "m.txt");
      const paths = (await (await fetch(`${base}/gradio_api/upload`, { method: "POST", body: form })).json()) as string[];
      expect(await (await fetch(`${base}/gradio_api/file=${paths[0]}`)).text()).toBe("mounted");
      const client = await Client.connect(`${base}/`);
      const out = ((await client.predict("/bytes", [])).data as FileData[])[0]!;
      expect(out.url).toBe(`${base}/gradio_api/file=${out.path}`);
      expect([...new Uint8Array(await (await fetch(out.url!)).arrayBuffer())]).toEqual([7, 8, 9]);
    } finally {
      service.close();
      await new Promise<void>((r) => http.close(() => r()));
    }
  });
});
