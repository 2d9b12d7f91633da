/** Tool arguments to wire values (files by URL), outputs to MCP content, and progress as text. */
import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "@jest/globals";
import { Blocks, FILE_DATA_SCHEMA, fileData, isFileData, type FileData } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { FileCache } from "./files/cache.js";
import { ToolInputError, decodeDataUrl, fileArgument, ownFilePath, toolContent, wireArguments, type FileIntake } from "./mcp-content.js";
import { appTools, type ToolSpec } from "./mcp-tools.js";
import { errorMessage, progressText, statusMessage } from "./mcp.js";

const cache = new FileCache({}, "mcp-test");
const intake: FileIntake = { cache, root: "http://127.0.0.1:7860/app", fileUrl: (p) => `http://127.0.0.1:7860/app/gradio_api/file=${p}` };
afterAll(() => cache.close());

describe("decodeDataUrl", () => {
  it("decodes base64 and percent-encoded data: URLs", () => {
    expect(decodeDataUrl("data:text/plain;base64,aGVsbG8=")).toEqual({ bytes: new Uint8Array(Buffer.from("hello")), mimeType: "text/plain" });
    expect(decodeDataUrl("data:,a%20b")).toEqual({ bytes: new Uint8Array(Buffer.from("a b")), mimeType: null });
  });
  it("refuses a malformed one", () => {
    expect(() => decodeDataUrl("data:image/png;base64", "img")).toThrow(/"img" is not a valid data: URL/);
    expect(() => decodeDataUrl("data:image/png;base64,@@@", "img")).toThrow(/not valid base64/);
  });
});

describe("ownFilePath", () => {
  const root = "http://127.0.0.1:7860/app";
  it("finds the path behind a URL of this app's file route, also through a loopback alias", () => {
    expect(ownFilePath("http://127.0.0.1:7860/app/gradio_api/file=/tmp/x/a%20b.png", root)).toBe("/tmp/x/a b.png");
    expect(ownFilePath("http://localhost:7860/app/file=/tmp/y.txt", root)).toBe("/tmp/y.txt");
  });
  it("is null for another host, port, scheme or path", () => {
    expect(ownFilePath("http://example.com:7860/app/gradio_api/file=/tmp/x", root)).toBeNull();
    expect(ownFilePath("http://127.0.0.1:7861/app/gradio_api/file=/tmp/x", root)).toBeNull();
    expect(ownFilePath("https://127.0.0.1:7860/app/gradio_api/file=/tmp/x", root)).toBeNull();
    expect(ownFilePath("http://127.0.0.1:7860/other/gradio_api/file=/tmp/x", root)).toBeNull();
  });
});

describe("fileArgument", () => {
  it("writes a data: URL into the cache", async () => {
    const file = await fileArgument("data:text/plain;base64,aGVsbG8=", intake, "doc");
    expect(file).toMatchObject({ orig_name: "doc.txt", mime_type: "text/plain", size: 5 });
    expect(file.url).toBe(intake.fileUrl(file.path));
    expect((await readFile(file.path)).toString()).toBe("hello");
  });
  it("takes a URL of a file this app serves as that file, and leaves other URLs to be fetched", async () => {
    const cached = await cache.write(Buffer.from("abc"), "abc.txt");
    const own = await fileArgument(intake.fileUrl(cached), intake, "doc");
    expect(own.path).toBe(cached);
    const remote = await fileArgument("https://example.com/pics/cat%201.png", intake, "doc");
    expect(remote).toMatchObject({ path: "https://example.com/pics/cat%201.png", orig_name: "cat 1.png", mime_type: "image/png" });
  });
  it("refuses a path, and a URL of this app for a file it did not issue", async () => {
    await expect(fileArgument("/etc/passwd", intake, "doc")).rejects.toThrow(ToolInputError);
    await expect(fileArgument(intake.fileUrl("/etc/passwd"), intake, "doc")).rejects.toThrow(/not allowed/i);
  });
});

function fileTool(): ToolSpec {
  const app = Blocks(() => {
    const a = Textbox({ label: "Name", value: "Ada" });
    const b = Textbox({ label: "Doc" });
    const out = Textbox();
    a.submit({ fn: (name: string, doc: string) => `${name}${doc}`, inputs: [a, b], outputs: [out], api_name: "greet" });
  });
  const tool = appTools(app)[0]!;
  // The second parameter takes files, as a File component's would.
  tool.parameters[1] = { ...tool.parameters[1]!, type: { type: "array", items: { ...FILE_DATA_SCHEMA } }, parameter_has_default: false };
  return tool;
}

describe("wireArguments", () => {
  it("orders arguments by parameter, fills defaults and turns file URLs into FileData", async () => {
    const data = await wireArguments(fileTool(), { doc: ["data:text/plain,hi", "https://example.com/b.txt"] }, intake);
    expect(data[0]).toBe("Ada");
    const files = data[1] as FileData[];
    expect(files.every(isFileData)).toBe(true);
    expect((await readFile(files[0]!.path)).toString()).toBe("hi");
    expect(files[1]!.path).toBe("https://example.com/b.txt");
  });
  it("refuses unknown and missing arguments", async () => {
    await expect(wireArguments(fileTool(), { doc: [], nmae: "x" }, intake)).rejects.toThrow(/Unknown argument "nmae" for tool greet; it takes "name", "doc"/);
    await expect(wireArguments(fileTool(), {}, intake)).rejects.toThrow(/Missing required argument "doc"/);
    await expect(wireArguments(fileTool(), { doc: [42] }, intake)).rejects.toThrow(/"doc" must be a file URL/);
  });
});

describe("toolContent", () => {
  const app = Blocks(() => {
    const a = Textbox();
    const b = Textbox();
    const c = Textbox();
    const d = Textbox();
    a.submit({ fn: () => ["", "", "", ""], inputs: [], outputs: [a, b, c, d] });
  });
  const dep = app.dependencies[0]!;

  it("gives text as text, other values as JSON, a file as its URL and an image also inline", async () => {
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const imagePath = await cache.write(png, "dot.png");
    const content = await toolContent(
      dep,
      ["hello", { a: [1, 2] }, fileData("/x/report.pdf", { url: "http://h/gradio_api/file=/x/report.pdf" }), fileData(imagePath, { url: "http://h/img", mime_type: "image/png" })],
      (path) => readFile(path).then((b) => new Uint8Array(b)),
    );
    expect(content).toEqual([
      { type: "text", text: "hello" },
      { type: "text", text: '{"a":[1,2]}' },
      { type: "text", text: "http://h/gradio_api/file=/x/report.pdf" },
      { type: "image", data: png.toString("base64"), mimeType: "image/png" },
      { type: "text", text: "Image URL: http://h/img" },
    ]);
  });
});

describe("status and progress text", () => {
  it("says where the call is in the queue, and how far it got", () => {
    expect(statusMessage({ msg: "estimation", rank: 1, queue_size: 3, rank_eta: 2.04 })).toBe("In queue. Position 2 out of 3. Estimated time remaining: 2 seconds.");
    expect(statusMessage({ msg: "process_starts" })).toBe("Processing");
    expect(statusMessage({ msg: "process_generating" })).toBeNull();
    expect(progressText([{ index: 2, length: 5, unit: "steps", progress: null, desc: "Loading" }])).toBe("Progress Loading: Step 2 of 5");
    expect(progressText([{ index: null, length: null, unit: "steps", progress: 0.42, desc: null }])).toBe("Progress: 42%");
    expect(progressText([])).toBeNull();
  });
  it("words an error as Gradio's MCP server does, hiding other throws' messages unless show_error", () => {
    expect(errorMessage({ error: "Bad input", title: "Error" }, false)).toBe("Error: Bad input");
    expect(errorMessage({ error: null }, false)).toMatch(/^Error: the function failed/);
    expect(errorMessage({ error: null }, true)).toBe("Error");
  });
});
