import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TempFileStore } from "@vitrine/component-test";
import { Blocks, VitrineError, fileData, type FileData } from "@vitrine/core";
import { MULTIMODAL_DATA_SCHEMA, MultimodalTextbox, multimodalSources } from "./index.js";

const store = new TempFileStore();
const ctx = store.context;
/** Files a function returns, outside the store's folder (the store copies them in). */
const outside = mkdtempSync(join(tmpdir(), "vitrine-mmt-test-"));
afterAll(() => {
  store.dispose();
  rmSync(outside, { recursive: true, force: true });
});

const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const TEXT_BYTES = new TextEncoder().encode("hello\n");

describe("MultimodalTextbox preprocess", () => {
  it("gives the text and each file's local path, in order", async () => {
    const png = await store.save(PNG_BYTES, { name: "cat.png", mime_type: "image/png" });
    const txt = await store.save(TEXT_BYTES, { name: "notes.txt" });
    const box = MultimodalTextbox({ file_count: "multiple" });
    expect(await box.preprocess({ text: "look", files: [png, txt] }, ctx)).toEqual({ text: "look", files: [png.path, txt.path] });
    expect(await box.preprocess({ text: "no files", files: [] }, ctx)).toEqual({ text: "no files", files: [] });
  });

  it("takes null and a payload without files as empty, and needs no store for text alone", async () => {
    const box = MultimodalTextbox();
    expect(await box.preprocess(null)).toEqual({ text: "", files: [] });
    expect(await box.preprocess({ text: "hi" } as never)).toEqual({ text: "hi", files: [] });
  });

  it("refuses a file outside the cache and the allowed paths", async () => {
    const err = await MultimodalTextbox().preprocess({ text: "x", files: [fileData("/etc/passwd")] }, ctx).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/Not a file of this store: \/etc\/passwd/);
  });

  it("refuses payloads that are not { text, files } with a message naming what is wrong", async () => {
    const box = MultimodalTextbox();
    await expect(box.preprocess("text" as never, ctx)).rejects.toThrow(/expects \{ text, files \}/);
    await expect(box.preprocess({ text: 5, files: [] } as never, ctx)).rejects.toThrow(/"text" must be a string/);
    await expect(box.preprocess({ text: "", files: "a.png" } as never, ctx)).rejects.toThrow(/"files" must be a list of FileData/);
    await expect(box.preprocess({ text: "", files: [{ path: "/x" }] } as never, ctx)).rejects.toThrow(/expects FileData objects/);
  });

  it("enforces file_types (extensions, categories, MIME patterns) with a vt.Error", async () => {
    const png = await store.save(PNG_BYTES, { name: "cat.png", mime_type: "image/png" });
    const txt = await store.save(TEXT_BYTES, { name: "notes.txt", mime_type: "text/plain" });
    const images = MultimodalTextbox({ file_types: ["image"], file_count: "multiple" });
    expect(await images.preprocess({ text: "", files: [png] }, ctx)).toEqual({ text: "", files: [png.path] });
    const err = await images.preprocess({ text: "", files: [png, txt] }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VitrineError);
    expect((err as Error).message).toBe('MultimodalTextbox: "notes.txt" is not an allowed file type; allowed: "image"');
    expect(await MultimodalTextbox({ file_types: [".txt"] }).preprocess({ text: "", files: [txt] }, ctx)).toEqual({ text: "", files: [txt.path] });
    expect(await MultimodalTextbox({ file_types: ["text/*"] }).preprocess({ text: "", files: [txt] }, ctx)).toEqual({ text: "", files: [txt.path] });
    await expect(MultimodalTextbox({ file_types: ["audio", ".pdf"] }).preprocess({ text: "", files: [png] }, ctx)).rejects.toThrow(/"cat.png" is not an allowed file type; allowed: "audio" or ".pdf"/);
    expect(await MultimodalTextbox({ file_types: ["file"] }).preprocess({ text: "", files: [txt] }, ctx)).toEqual({ text: "", files: [txt.path] });
  });

  it("takes one file with file_count single (the default), several with multiple and directory", async () => {
    const a = await store.save(TEXT_BYTES, { name: "a.txt" });
    const b = await store.save(PNG_BYTES, { name: "b.png" });
    const err = await MultimodalTextbox().preprocess({ text: "", files: [a, b] }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VitrineError);
    expect((err as Error).message).toBe("MultimodalTextbox takes one file, got 2");
    expect(await MultimodalTextbox().preprocess({ text: "", files: [a] }, ctx)).toEqual({ text: "", files: [a.path] });
    expect((await MultimodalTextbox({ file_count: "directory" }).preprocess({ text: "", files: [a, b] }, ctx)).files).toHaveLength(2);
  });
});

describe("MultimodalTextbox postprocess", () => {
  it("turns a string into text without files, and null into an empty value", async () => {
    const box = MultimodalTextbox();
    expect(await box.postprocess("hello", ctx)).toEqual({ text: "hello", files: [] });
    expect(await box.postprocess(null, ctx)).toEqual({ text: "", files: [] });
    expect(await box.postprocess({}, ctx)).toEqual({ text: "", files: [] });
  });

  it("copies returned paths and bytes into the cache as FileData, keeping FileData and URLs", async () => {
    const local = join(outside, "photo.png");
    await writeFile(local, PNG_BYTES);
    const kept = fileData("/cache/kept.txt", { orig_name: "kept.txt" });
    const out = await MultimodalTextbox().postprocess({ text: "here", files: [local, TEXT_BYTES, kept, "https://example.com/a/b.pdf"] }, ctx);
    expect(out.text).toBe("here");
    expect(out.files[0]).toMatchObject({ orig_name: "photo.png", mime_type: "image/png", size: PNG_BYTES.length });
    expect(out.files[0]!.path.startsWith(store.dir)).toBe(true);
    expect(Array.from(await store.read(out.files[0]!.path))).toEqual(Array.from(PNG_BYTES));
    expect(Array.from(await store.read(out.files[1]!.path))).toEqual(Array.from(TEXT_BYTES));
    expect(out.files[2]).toBe(kept);
    expect(out.files[3]).toMatchObject({ path: "https://example.com/a/b.pdf", url: "https://example.com/a/b.pdf", orig_name: "b.pdf" });
  });

  it("accepts plain { path } objects as Gradio accepts dicts, copying local ones", async () => {
    const local = join(outside, "doc.txt");
    await writeFile(local, TEXT_BYTES);
    const out = await MultimodalTextbox().postprocess({ files: [{ path: local, orig_name: "renamed.txt" }] as unknown as FileData[] }, ctx);
    expect(out.files[0]).toMatchObject({ orig_name: "renamed.txt" });
    expect(Array.from(await store.read(out.files[0]!.path))).toEqual(Array.from(TEXT_BYTES));
  });

  it("refuses values that are not a string or { text, files }", async () => {
    const box = MultimodalTextbox();
    await expect(box.postprocess(42 as never, ctx)).rejects.toThrow(/expects a string or an object/);
    await expect(box.postprocess(["a"] as never, ctx)).rejects.toThrow(/got an array/);
    await expect(box.postprocess({ text: 1 } as never, ctx)).rejects.toThrow(/"text" must be a string/);
    await expect(box.postprocess({ files: "a.png" } as never, ctx)).rejects.toThrow(/"files" must be a list/);
    await expect(box.postprocess({ files: ["local.png"] })).rejects.toThrow(/needs the server's file store/);
  });
});

describe("MultimodalTextbox config and API", () => {
  it("describes Gradio's MultimodalData (text and a list of FileData)", () => {
    const api = MultimodalTextbox().api();
    expect(api.type).toBe(MULTIMODAL_DATA_SCHEMA);
    expect(api.type).toMatchObject({ title: "MultimodalData", required: ["text"], properties: { files: { type: "array", items: { title: "FileData" } } } });
    expect(api.python_type.type).toBe("Dict(text: str, files: List[filepath])");
  });

  it("puts Gradio's props and defaults in the config", () => {
    const app = Blocks(() => {
      MultimodalTextbox({ label: "Message", placeholder: "Ask", lines: 2, max_lines: 1, file_types: ["image"], stop_btn: "Halt", value: "hi" });
    });
    const [config] = app.config().components.filter((c) => c.type === "multimodaltextbox");
    expect(config).toMatchObject({
      type: "multimodaltextbox",
      props: {
        label: "Message", placeholder: "Ask", lines: 2, max_lines: 2, file_types: ["image"], file_count: "single", sources: ["upload"],
        submit_btn: true, stop_btn: "Halt", autofocus: false, autoscroll: true, rtl: false, text_align: null, max_plain_text_length: 1000,
        html_attributes: null, value: { text: "hi", files: [] }, name: "multimodaltextbox",
      },
      api_info: { title: "MultimodalData" },
      example_inputs: { text: "Describe this file", files: [expect.objectContaining({ orig_name: "example.txt" })] },
    });
  });

  it("takes sources as a string or a list, and refuses bad props", () => {
    expect(multimodalSources(undefined)).toEqual(["upload"]);
    expect(multimodalSources("microphone")).toEqual(["microphone"]);
    expect(MultimodalTextbox({ sources: ["upload", "microphone"] }).configProps()).toMatchObject({ sources: ["upload", "microphone"] });
    expect(() => MultimodalTextbox({ sources: ["webcam" as "upload"] })).toThrow(/sources must be a list of "upload" and "microphone"/);
    expect(() => MultimodalTextbox({ file_count: "many" as "multiple" })).toThrow(/file_count must be/);
    expect(() => MultimodalTextbox({ file_types: "image" as unknown as string[] })).toThrow(/file_types must be a list/);
    expect(() => MultimodalTextbox({ lines: 0 })).toThrow(/lines must be a positive integer/);
    expect(() => MultimodalTextbox({ max_plain_text_length: 1.5 })).toThrow(/max_plain_text_length must be a positive integer/);
    expect(() => MultimodalTextbox({ text_align: "center" as "left" })).toThrow(/text_align must be/);
  });

  it("sends FileData and URLs in the initial value and examples at once; paths wait for the file store", async () => {
    const url = "https://example.com/cat.png";
    expect(MultimodalTextbox({ value: { text: "a", files: [url] } }).initialPayload()).toEqual({ text: "a", files: [expect.objectContaining({ url, orig_name: "cat.png" })] });
    const withPath = MultimodalTextbox({ value: { text: "b", files: ["local.png"] } });
    expect(withPath.initialValueNeedsFiles()).toBe(true);
    expect(withPath.initialPayload()).toEqual({ text: "b", files: [] });
    expect(MultimodalTextbox({ value: "just text" }).initialValueNeedsFiles()).toBe(false);
    expect(MultimodalTextbox().processExample("hello")).toEqual({ text: "hello", files: [] });
    expect(MultimodalTextbox().processExample({ text: "c", files: ["local.png"] })).toEqual({ text: "c", files: ["local.png"] });
    const local = join(outside, "example.png");
    await writeFile(local, PNG_BYTES);
    const example = (await MultimodalTextbox().processExampleWithFiles({ text: "d", files: [local] }, ctx)) as { files: FileData[] };
    expect(Array.from(await store.read(example.files[0]!.path))).toEqual(Array.from(PNG_BYTES));
  });

  it("declares Gradio's events as listener methods", () => {
    const box = MultimodalTextbox();
    for (const event of ["change", "input", "select", "submit", "focus", "blur", "stop"] as const) expect(typeof box[event]).toBe("function");
  });
});
