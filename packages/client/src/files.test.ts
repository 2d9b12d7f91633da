/**
 * Files (PROTOCOL.md §5): `handle_file`, the upload walk of `predict`/`submit`, `upload()`,
 * `download()`, against the `node:http` mock app, whose multipart bodies are parsed with
 * undici's own `FormData` parser.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startMockApp, type MockApp, type MockOptions, type Msg, type UploadedPart } from "../test/mock-app.js";
import { Client, ClientError, FileCommand, handle_file, type FileData, type JobMessage } from "./index.js";

const META = { _type: "gradio.FileData" };

const config = (extra: Msg = {}): Msg => ({
  version: "6.25.0",
  protocol: "sse_v3",
  api_prefix: "/gradio_api",
  enable_queue: true,
  max_file_size: null,
  components: [
    { id: 1, type: "file", props: { label: "in" } },
    { id: 2, type: "json", props: { label: "out" } },
  ],
  dependencies: [
    { id: 0, api_name: "echo", inputs: [1], outputs: [2], queue: true, backend_fn: true },
    { id: 1, api_name: "fast", inputs: [1], outputs: [2], queue: false, backend_fn: true },
  ],
  ...extra,
});

/** The app echoes the `data` it was sent. */
const echo: MockOptions["scripts"] = {
  0: (ctx) => ctx.emit({ msg: "process_completed", output: { data: [ctx.body["data"]] }, success: true }),
};

let app: MockApp | null = null;
let client: Client | null = null;
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-client-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  client?.close();
  client = null;
  await app?.close();
  app = null;
});

async function start(options: Partial<MockOptions> = {}, configExtra: Msg = {}): Promise<{ app: MockApp; client: Client }> {
  app = await startMockApp({ config: config(configExtra), scripts: echo, ...options });
  client = await Client.connect(app.url);
  return { app, client };
}

const uploads = (a: MockApp) => a.requests.filter((r) => r.method === "POST" && r.path === "/gradio_api/upload");
const joined = (a: MockApp) => a.requests.find((r) => r.path === "/gradio_api/queue/join")?.body as Msg | undefined;
const bytes = (text: string) => new TextEncoder().encode(text);

describe("handle_file", () => {
  it("turns a URL into a FileData sent as is, with url and orig_name", () => {
    expect(handle_file("https://example.com/img/cat%20one.png?x=1")).toEqual({
      path: "https://example.com/img/cat%20one.png?x=1",
      url: "https://example.com/img/cat%20one.png?x=1",
      orig_name: "cat one.png",
      meta: META,
    });
  });

  it("turns a local path into a command, bytes into a Blob, and keeps Blobs", () => {
    const cmd = handle_file("/some/dir/photo.jpg");
    expect(cmd).toBeInstanceOf(FileCommand);
    expect(cmd).toMatchObject({ path: "/some/dir/photo.jpg", name: "photo.jpg" });
    const blob = new Blob(["x"]);
    expect(handle_file(blob)).toBe(blob);
    expect(handle_file(Buffer.from("abc"))).toBeInstanceOf(Blob);
    expect(handle_file(new ArrayBuffer(3))).toBeInstanceOf(Blob);
    expect(() => handle_file(42 as unknown as string)).toThrow(/handle_file\(\) takes/);
  });
});

describe("predict() uploads the files in its data", () => {
  it("walks arrays and objects, uploads Blobs, Files, Buffers and local paths in one multipart request", async () => {
    const { app, client } = await start();
    const path = join(dir, "hello.txt");
    await writeFile(path, "from disk");
    const previous = { path: "/already/there.png", url: null, orig_name: "there.png", meta: META };

    const result = await client.predict("/echo", [
      {
        blob: new Blob(["a blob"], { type: "text/plain" }),
        nested: [Buffer.from("a buffer"), new File(["a file"], "named.csv", { type: "text/csv" })],
        local: handle_file(path),
        kept: previous,
        url: handle_file("https://example.com/x.png"),
        text: "not a file",
        pixels: new Uint8ClampedArray([1, 2]),
      },
    ]);

    const [req] = uploads(app);
    expect(uploads(app)).toHaveLength(1);
    const parts = req!.body as UploadedPart[];
    expect(parts.map((p) => [p.name, p.filename, new TextDecoder().decode(p.bytes)])).toEqual([
      ["files", "blob", "a blob"],
      ["files", "blob", "a buffer"],
      ["files", "named.csv", "a file"],
      ["files", "hello.txt", "from disk"],
    ]);
    expect(parts[0]!.type).toBe("text/plain");

    const sent = (joined(app)!["data"] as Msg[])[0]!;
    expect(sent).toEqual({
      blob: { path: "/tmp/mock/0/blob", meta: META },
      nested: [
        { path: "/tmp/mock/1/blob", meta: META },
        { path: "/tmp/mock/2/named.csv", orig_name: "named.csv", meta: META },
      ],
      local: { path: "/tmp/mock/3/hello.txt", orig_name: "hello.txt", meta: META },
      kept: previous,
      url: { path: "https://example.com/x.png", url: "https://example.com/x.png", orig_name: "x.png", meta: META },
      text: "not a file",
      pixels: { 0: 1, 1: 2 },
    });
    expect((result.data[0] as Msg[])[0]).toEqual(sent);
  });

  it("uploads the same Blob once, and sends nothing to upload when there are no files", async () => {
    const { app, client } = await start();
    const blob = new Blob(["twice"]);
    await client.predict("/echo", [[blob, blob]]);
    expect((uploads(app)[0]!.body as UploadedPart[]).length).toBe(1);
    expect((joined(app)!["data"] as unknown[][])[0]).toEqual([
      { path: "/tmp/mock/0/blob", meta: META },
      { path: "/tmp/mock/0/blob", meta: META },
    ]);
    await client.predict("/echo", [handle_file("https://example.com/a.wav")]);
    expect(uploads(app)).toHaveLength(1);
  });

  it("uploads before a non-queued /run call too", async () => {
    let sent: unknown;
    const { app, client } = await start({
      run: (_name, body) => {
        sent = body["data"];
        return { status: 200, body: { data: ["ok"] } };
      },
    });
    await client.predict("/fast", [Buffer.from("run")]);
    expect(uploads(app)).toHaveLength(1);
    expect(sent).toEqual([{ path: "/tmp/mock/0/blob", meta: META }]);
  });

  it("rejects with the server's message when the upload is refused (413), and never joins", async () => {
    const { app, client } = await start({
      upload: () => ({ status: 413, body: "File too large: the maximum is 1 KB.", type: "text/plain" }),
    });
    const err = await client.predict("/echo", [Buffer.alloc(10)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).message).toBe("The upload was refused (HTTP 413): File too large: the maximum is 1 KB.");
    expect((err as ClientError).code).toBe("upload_error");
    expect(joined(app)).toBeUndefined();
  });

  it("checks max_file_size before uploading, with a clear error", async () => {
    const { app, client } = await start({}, { max_file_size: 5 * 1024 * 1024 });
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.bin");
    const messages: JobMessage[] = [];
    for await (const m of client.submit("/echo", [big])) messages.push(m);
    expect(messages.at(-1)).toMatchObject({
      type: "status",
      stage: "error",
      code: "upload_error",
      message: "The file big.bin is 5242881 bytes, over this app's max_file_size of 5242880 bytes: it was not uploaded.",
    });
    expect(uploads(app)).toHaveLength(0);
    await expect(client.upload([new Uint8Array(6 * 1024 * 1024)])).rejects.toThrow(
      "A file is 6 MB, over this app's max_file_size of 5 MB: it was not uploaded.",
    );
    // At the limit is fine.
    await expect(client.upload([new Uint8Array(5 * 1024 * 1024)])).resolves.toHaveLength(1);
  });

  it("fails clearly for a local path that does not exist", async () => {
    const { app, client } = await start();
    await expect(client.predict("/echo", [handle_file(join(dir, "missing.png"))])).rejects.toThrow(
      /handle_file\(".*missing\.png"\): could not read the file/,
    );
    expect(uploads(app)).toHaveLength(0);
  });

  it("cancelling while the files upload ends the job as cancelled without joining", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { app, client } = await start({ upload: () => undefined });
    const slowFetch: typeof fetch = async (input, init) => {
      if (String(input).endsWith("/upload")) await gate;
      return fetch(input, init);
    };
    const slow = await Client.connect(app.url, { fetch: slowFetch });
    try {
      const job = slow.submit("/echo", [Buffer.from("x")]);
      await new Promise((r) => setTimeout(r, 20));
      const cancelled = job.cancel();
      release();
      await cancelled;
      const messages: JobMessage[] = [];
      for await (const m of job) messages.push(m);
      expect(messages.at(-1)).toMatchObject({ stage: "cancelled" });
      expect(joined(app)).toBeUndefined();
    } finally {
      slow.close();
      client.close();
    }
  });
});

describe("client.upload()", () => {
  it("resolves with FileData in order, sends upload_id, and reports progress up to 1", async () => {
    const { app, client } = await start();
    const progress: number[] = [];
    const files = await client.upload([new File(["one"], "1.txt"), new Uint8Array(200_000)], {
      upload_id: "up1",
      onProgress: (f) => progress.push(f),
    });
    expect(files).toEqual([
      { path: "/tmp/mock/0/1.txt", orig_name: "1.txt", meta: META },
      { path: "/tmp/mock/1/blob", meta: META },
    ]);
    expect(uploads(app)[0]!.query.get("upload_id")).toBe("up1");
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]!))).toBe(true);
    expect(app.files.get("/tmp/mock/1/blob")?.byteLength).toBe(200_000);
  });

  it("rejects an answer that is not a list of paths", async () => {
    const { client } = await start({ upload: () => ({ status: 200, body: {} }) });
    await expect(client.upload([new Blob(["x"])])).rejects.toThrow(/not a list of paths/);
  });
});

describe("output files", () => {
  it("fileUrl() prefers url, else builds {root}{api_prefix}/file=<path>; download() fetches the bytes", async () => {
    const { app, client } = await start();
    app.files.set("/cache/out file.bin", new Uint8Array([0, 1, 2, 255]));
    const out: FileData = { path: "/cache/out file.bin", meta: { _type: "gradio.FileData" } };
    expect(client.fileUrl(out)).toBe(`${app.url}/gradio_api/file=/cache/out file.bin`);
    expect(client.fileUrl({ ...out, url: "https://cdn.example.com/x" })).toBe("https://cdn.example.com/x");
    expect(client.fileUrl({ ...out, path: "https://example.com/y.png" })).toBe("https://example.com/y.png");
    expect(Array.from(await client.download(out))).toEqual([0, 1, 2, 255]);
    expect(Array.from(await client.download({ ...out, url: client.fileUrl(out) }))).toEqual([0, 1, 2, 255]);
    await expect(client.download({ ...out, path: "/etc/passwd" })).rejects.toThrow(/File not allowed/);
  });
});
