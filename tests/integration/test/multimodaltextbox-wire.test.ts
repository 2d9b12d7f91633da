/**
 * MultimodalTextbox on the wire, through Gradio's official `@gradio/client` (and `@vitrine/client`): a message
 * `{ text, files: [handle_file(png)] }` is uploaded as the client sends it; the function reports
 * what it received (the text, each file's bytes and PNG size) and echoes the message back; the
 * returned files are downloaded from their `url` and must be the uploaded bytes. `/info` must
 * describe the parameter as Gradio's MultimodalData, and a FileData this server never issued,
 * or a file `file_types` does not allow, must be refused with a clear message.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient, handle_file } from "@gradio/client";
import { Client, handle_file as vitrineHandleFile } from "@vitrine/client";
import { Jimp } from "jimp";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** A PNG of a gradient, `width`×`height`, encoded by jimp. */
async function png(width: number, height: number): Promise<Buffer> {
  const image = new Jimp({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.setPixelColor(((x * 9) << 24 | (y * 13) << 16 | 0x80ff) >>> 0, x, y);
  return image.getBuffer("image/png");
}

/** What a file holds: its size, hash, and its pixel size when it is an image. */
async function fileReport(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    const image = await Jimp.read(bytes);
    return `${bytes.length}B ${sha(bytes)} ${image.bitmap.width}x${image.bitmap.height}`;
  } catch {
    return `${bytes.length}B ${sha(bytes)}`;
  }
}

function app(): vt.App {
  return vt.Blocks(() => {
    const message = vt.MultimodalTextbox({ label: "message", file_count: "multiple" });
    const echoed = vt.MultimodalTextbox({ label: "echoed" });
    const report = vt.Textbox({ label: "report" });
    vt.Button("echo").click({
      fn: async (value: vt.MultimodalValue) => {
        const files = await Promise.all(value.files.map(fileReport));
        return [{ text: `${value.text}!`, files: value.files }, [value.text, ...files].join(" | ")];
      },
      inputs: [message],
      outputs: [echoed, report],
      api_name: "echo",
    });
    const images = vt.MultimodalTextbox({ label: "images only", file_types: ["image"] });
    vt.Button("count").click({ fn: (value: vt.MultimodalValue) => `${value.files.length} image(s)`, inputs: [images], outputs: [report], api_name: "images" });
  });
}

let served: Served;
let dir = "";
let pngBytes: Buffer;
let pngPath = "";
const notes = Buffer.from("a note\nwith two lines\n");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-mmt-wire-"));
  pngBytes = await png(20, 12);
  pngPath = join(dir, "gradient.png");
  await writeFile(pngPath, pngBytes);
  served = await serveAtRoot(app());
});
afterAll(async () => {
  await served?.close();
  await rm(dir, { recursive: true, force: true });
});

interface WireFile { path: string; url?: string | null; orig_name?: string | null; meta: { _type: string } }

/** Downloads a returned FileData from its `url`, as a browser or Gradio's client would. */
async function download(file: WireFile): Promise<Buffer> {
  expect(file).toMatchObject({ meta: { _type: "gradio.FileData" } });
  expect(file.url).toMatch(new RegExp(`^${served.url}gradio_api/file=`));
  const res = await fetch(file.url!);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

describe("@gradio/client 2.7.0 against a MultimodalTextbox", () => {
  let client: Awaited<ReturnType<typeof GradioClient.connect>>;
  beforeAll(async () => {
    client = await GradioClient.connect(served.url, { events: ["data", "status"] });
  });
  afterAll(() => client?.close());

  it("{ text, files: [handle_file(png path), handle_file(Blob)] } → the function reads both; the echo serves the same bytes", async () => {
    const result = await client.predict("/echo", [
      { text: "What is this?", files: [handle_file(pngPath), handle_file(new Blob([new Uint8Array(notes)], { type: "text/plain" }))] },
    ]);
    const [echoed, report] = result.data as [{ text: string; files: WireFile[] }, string];
    expect(report).toBe(`What is this? | ${pngBytes.length}B ${sha(pngBytes)} 20x12 | ${notes.length}B ${sha(notes)}`);
    expect(echoed.text).toBe("What is this?!");
    expect(echoed.files).toHaveLength(2);
    expect((await download(echoed.files[0]!)).equals(pngBytes)).toBe(true);
    expect((await download(echoed.files[1]!)).equals(notes)).toBe(true);
  });

  it("text alone (no files key) is a message without files", async () => {
    const result = await client.predict("/echo", [{ text: "just words" }]);
    const [echoed, report] = result.data as [{ text: string; files: WireFile[] }, string];
    expect(report).toBe("just words");
    expect(echoed).toEqual({ text: "just words!", files: [] });
  });

  it("refuses a FileData this server never issued, and a file file_types does not allow, with clear messages", async () => {
    const outside = { path: "/etc/passwd", meta: { _type: "gradio.FileData" } };
    await expect(client.predict("/echo", [{ text: "x", files: [outside] }])).rejects.toMatchObject({ message: expect.stringMatching(/etc\/passwd/) });
    await expect(client.predict("/images", [{ text: "x", files: [handle_file(new Blob([new Uint8Array(notes)], { type: "text/plain" }))] }]))
      .rejects.toMatchObject({ message: expect.stringMatching(/is not an allowed file type; allowed: "image"/) });
    const ok = await client.predict("/images", [{ text: "x", files: [handle_file(pngPath)] }]);
    expect(ok.data).toEqual(["1 image(s)"]);
  });

  it("view_api() and /info describe the parameter as Gradio's MultimodalData: text and a list of FileData", async () => {
    const api = (await client.view_api()) as {
      named_endpoints: Record<string, { parameters: { label: string; component: string; parameter_default: unknown; python_type: { type: string } }[] }>;
    };
    const [param] = api.named_endpoints["/echo"]!.parameters;
    expect(param!.component.toLowerCase()).toBe("multimodaltextbox");
    expect(param!.python_type.type).toBe("Dict(text: str, files: List[filepath])");
    expect(param!.parameter_default).toEqual({ text: "", files: [] });
    // @gradio/client turns the schema into a TypeScript type name; the server's /info holds the schema itself.
    const info = (await (await fetch(`${served.url}gradio_api/info`)).json()) as { named_endpoints: Record<string, { parameters: { type: unknown }[] }> };
    expect(info.named_endpoints["/echo"]!.parameters[0]!.type).toMatchObject({
      title: "MultimodalData",
      required: ["text"],
      properties: { text: { type: "string" }, files: { type: "array", items: { title: "FileData", required: ["path"] } } },
    });
  });
});

describe("@vitrine/client against a MultimodalTextbox", () => {
  let client: Awaited<ReturnType<typeof Client.connect>>;
  beforeAll(async () => {
    client = await Client.connect(served.url);
  });
  afterAll(() => client?.close());

  it("{ text, files: [handle_file(png path)] } round trips through the echo", async () => {
    const result = await client.predict("/echo", [{ text: "again", files: [vitrineHandleFile(pngPath)] }]);
    const [echoed, report] = result.data as [{ text: string; files: WireFile[] }, string];
    expect(report).toBe(`again | ${pngBytes.length}B ${sha(pngBytes)} 20x12`);
    expect(echoed.text).toBe("again!");
    expect((await download(echoed.files[0]!)).equals(pngBytes)).toBe(true);
  });
});
