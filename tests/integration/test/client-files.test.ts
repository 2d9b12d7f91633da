/**
 * `@vitrine/client` files against a real Vitrine app (issue 8): inputs uploaded by the client
 * (a Buffer, a local file through `handle_file`, a Blob nested in data), read by a test-only
 * component through `ctx.files`, and an output file downloaded, byte for byte.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file, isFileData, type FileData } from "@vitrine/client";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

/** A file in, its bytes to the function; bytes out, saved through the file store. Test only. */
class BytesFile extends vt.Component<Uint8Array, Uint8Array, FileData | null> {
  readonly type = "bytesfile";
  readonly ui = { file: fileURLToPath(import.meta.url) };

  override async preprocess(payload: FileData | null, ctx?: vt.ProcessContext): Promise<Uint8Array> {
    if (!payload || !ctx) throw new Error("no file");
    return ctx.files.read(await ctx.files.resolve(payload));
  }

  override async postprocess(value: Uint8Array, ctx?: vt.ProcessContext): Promise<FileData | null> {
    if (!ctx) throw new Error("no file store");
    return ctx.files.save(value, { name: "joined.bin" });
  }

  api(): vt.ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let served: Served;
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-client-files-"));
  const app = new vt.Interface({
    fn: (a: Uint8Array, b: Uint8Array) => [`${a.length} ${sha(a)} | ${b.length} ${sha(b)}`, new Uint8Array([...b, ...a])],
    inputs: [new BytesFile({ label: "a" }), new BytesFile({ label: "b" })],
    outputs: [vt.Textbox({ label: "digest" }), new BytesFile({ label: "joined" })],
    api_name: "join",
  });
  served = await serveAtRoot(app);
});

afterAll(async () => {
  await served?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("@vitrine/client files against Vitrine", () => {
  it("a file over max_file_size fails the call: checked by the client, else refused by the server's 413 with its message", async () => {
    const small = new vt.Interface({
      fn: (a: Uint8Array) => String(a.length),
      inputs: new BytesFile({ label: "a" }),
      outputs: vt.Textbox(),
      api_name: "size",
    });
    const running = await small.launch({ server_port: 0, quiet: true, max_file_size: "1kb" });
    // A client that does not see the config's max_file_size, as an old or foreign client would not.
    const blind: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith("/config")) return res;
      const config = (await res.json()) as Record<string, unknown>;
      delete config["max_file_size"];
      return Response.json(config);
    };
    const client = await Client.connect(running.url);
    const unaware = await Client.connect(running.url, { fetch: blind });
    try {
      expect(client.config.max_file_size).toBe(1024);
      expect((await client.predict("/size", [new Uint8Array(1024)])).data).toEqual(["1024"]);
      await expect(client.predict("/size", [new Uint8Array(1025)])).rejects.toThrow(
        "A file is 1025 bytes, over this app's max_file_size of 1024 bytes: it was not uploaded.",
      );
      const err = await unaware.predict("/size", [new Uint8Array(4096)]).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe("upload_error");
      expect((err as Error).message).toMatch(/^The upload was refused \(HTTP 413\): .*max_file_size/);
    } finally {
      client.close();
      unaware.close();
      await small.close();
    }
  });

  it("uploads a Buffer and a local file (handle_file), and downloads the output file with exact bytes", async () => {
    const a = randomBytes(300_000);
    a[0] = 0;
    a[1] = 255;
    const b = Buffer.from("a local file\n\u00e9\0end", "utf8");
    const path = join(dir, "local.bin");
    await writeFile(path, b);

    const client = await Client.connect(served.url);
    try {
      const result = await client.predict("/join", [a, handle_file(path)]);
      expect(result.data[0]).toBe(`${a.length} ${sha(a)} | ${b.length} ${sha(b)}`);
      const out = result.data[1];
      expect(isFileData(out)).toBe(true);
      const file = out as FileData;
      expect(file.url).toMatch(new RegExp(`^${served.url.replace(/\/$/, "")}/gradio_api/file=`));
      const downloaded = await client.download(file);
      expect(Buffer.from(downloaded).equals(Buffer.concat([b, a]))).toBe(true);
    } finally {
      client.close();
    }
  });

  it("upload() returns paths the app accepts as inputs later, and a FileData it did not issue is refused", async () => {
    const client = await Client.connect(served.url);
    try {
      const [x, y] = await client.upload([new Blob(["xx"]), new File(["yyy"], "y.txt")]);
      expect(x).toMatchObject({ meta: { _type: "gradio.FileData" } });
      expect(y).toMatchObject({ orig_name: "y.txt" });
      const ok = await client.predict("/join", [x, y]);
      expect(ok.data[0]).toBe(`2 ${sha(Buffer.from("xx"))} | 3 ${sha(Buffer.from("yyy"))}`);
      await expect(
        client.predict("/join", [x, { path: "/etc/passwd", meta: { _type: "gradio.FileData" } }]),
      ).rejects.toThrow("File not allowed: /etc/passwd.");
    } finally {
      client.close();
    }
  });
});
