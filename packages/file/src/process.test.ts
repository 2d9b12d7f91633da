import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createHash } from "node:crypto";
import { VitrineError, fileData, isFileData, type FileData, type FileStore, type ProcessContext, type SaveOptions } from "@vitrine/core";
import { EXAMPLE_FILE_PATH, File, Files, acceptAttribute, matchesFileTypes } from "./index.js";

/** A FileStore in memory: save keeps the bytes under a content-addressed path; adopt reads a real file. */
class MemoryStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();
  readonly adopted: string[] = [];
  async save(data: Uint8Array, options: SaveOptions = {}): Promise<FileData> {
    const hash = createHash("sha256").update(data).digest("hex").slice(0, 16);
    const name = options.name ?? "file";
    const path = `/cache/${hash}/${name}`;
    this.files.set(path, new Uint8Array(data));
    return fileData(path, { orig_name: name, size: data.length, mime_type: options.mime_type ?? null });
  }
  async adopt(path: string, options: SaveOptions = {}): Promise<FileData> {
    this.adopted.push(path);
    return this.save(new Uint8Array(await readFile(path)), { name: options.name ?? basename(path), ...(options.mime_type ? { mime_type: options.mime_type } : {}) });
  }
  async resolve(file: FileData): Promise<string> {
    if (!this.files.has(file.path)) throw new VitrineError(`not a file of this server: ${file.path}`);
    return file.path;
  }
  async read(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    if (!bytes) throw new Error(`no such file: ${path}`);
    return new Uint8Array(bytes);
  }
}

/** Every byte value, twice, and a few more: what a text round trip would spoil. */
const BYTES = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...Array.from({ length: 256 }, (_, i) => 255 - i), 0, 0xff, 0x0d, 0x0a]);
const OTHER = new Uint8Array([0xef, 0xbb, 0xbf, 0x00, 0x80, 0xfe]);

let dir: string;
let store: MemoryStore;
let ctx: ProcessContext;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-file-"));
  store = new MemoryStore();
  ctx = { files: store };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("File round trips are exact", () => {
  it("binary, single: the uploaded bytes reach the function, and returned bytes come back the same", async () => {
    const up = await store.save(BYTES, { name: "data.bin" });
    const file = File({ type: "binary" });
    const bytes = await file.preprocess(up, ctx);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes)).toEqual(Array.from(BYTES));
    const out = (await file.postprocess(bytes, ctx)) as FileData;
    expect(isFileData(out)).toBe(true);
    expect(out.size).toBe(BYTES.length);
    expect(Array.from(await store.read(await store.resolve(out)))).toEqual(Array.from(BYTES));
  });

  it("filepath, single: the function gets the path; a returned path is adopted with its name kept", async () => {
    const up = await store.save(BYTES, { name: "data.bin" });
    const file = File();
    const path = await file.preprocess(up, ctx);
    expect(path).toBe(up.path);
    const local = join(dir, "report.csv");
    await writeFile(local, BYTES);
    const out = (await file.postprocess(local, ctx)) as FileData;
    expect(store.adopted).toContain(local);
    expect(out).toMatchObject({ orig_name: "report.csv", mime_type: "text/csv", size: BYTES.length });
    expect(Array.from(await store.read(out.path))).toEqual(Array.from(BYTES));
  });

  it("binary and filepath, multiple: lists in, lists out, in order", async () => {
    const a = await store.save(BYTES, { name: "a.bin" });
    const b = await store.save(OTHER, { name: "b.txt" });
    const bytes = await File({ type: "binary", file_count: "multiple" }).preprocess([a, b], ctx);
    expect(bytes.map((x) => Array.from(x))).toEqual([Array.from(BYTES), Array.from(OTHER)]);
    const paths = await Files().preprocess([a, b], ctx);
    expect(paths).toEqual([a.path, b.path]);
    const pa = join(dir, "one.bin"), pb = join(dir, "two.json");
    await writeFile(pa, BYTES);
    await writeFile(pb, OTHER);
    const out = (await Files().postprocess([pa, pb], ctx)) as FileData[];
    expect(out.map((f) => f.orig_name)).toEqual(["one.bin", "two.json"]);
    expect(out[1]!.mime_type).toBe("application/json");
    expect(Array.from(await store.read(out[0]!.path))).toEqual(Array.from(BYTES));
    expect(Array.from(await store.read(out[1]!.path))).toEqual(Array.from(OTHER));
    const fromBytes = (await Files().postprocess([BYTES, OTHER], ctx)) as FileData[];
    expect(await Promise.all(fromBytes.map(async (f) => Array.from(await store.read(f.path))))).toEqual([Array.from(BYTES), Array.from(OTHER)]);
  });

  it("directory gives a list too; a single File given a list of one takes it", async () => {
    const a = await store.save(OTHER, { name: "dir/x.txt" });
    expect(await File({ file_count: "directory" }).preprocess([a], ctx)).toEqual([a.path]);
    expect(await File().preprocess([a], ctx)).toBe(a.path);
    await expect(File().preprocess([a, a], ctx)).rejects.toThrow(/takes one file, got 2/);
  });

  it("passes null through, FileData and URLs through, and refuses what is not a file", async () => {
    expect(await File().preprocess(null, ctx)).toBeNull();
    expect(await File().postprocess(null, ctx)).toBeNull();
    const fd = fileData("/cache/x/y.txt");
    expect(await File().postprocess(fd, ctx)).toBe(fd);
    expect(await File().postprocess("https://example.com/files/a.pdf", ctx)).toMatchObject({ url: "https://example.com/files/a.pdf", orig_name: "a.pdf", mime_type: "application/pdf" });
    await expect(File().preprocess({ path: "/x" } as unknown as FileData, ctx)).rejects.toThrow(/expects FileData/);
    await expect(File().postprocess(42 as unknown as string, ctx)).rejects.toThrow(/return a path, bytes/);
    await expect(File().preprocess(fileData("/etc/passwd"), ctx)).rejects.toThrow(/not a file of this server/);
  });
});

describe("file_types", () => {
  it("are enforced on the server with a clear vt.Error naming the allowed types", async () => {
    const txt = await store.save(OTHER, { name: "notes.txt" });
    const png = await store.save(BYTES, { name: "cat.PNG" });
    const only = File({ file_types: [".png", "image"] });
    const err = await only.preprocess(txt, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VitrineError);
    expect((err as Error).message).toBe('File: "notes.txt" is not an allowed file type; allowed: ".png" or "image"');
    expect(await only.preprocess(png, ctx)).toBe(png.path);
    await expect(Files({ file_types: ["text/plain"] }).preprocess([txt, png], ctx)).rejects.toThrow(/"cat.PNG" is not an allowed file type; allowed: "text\/plain"/);
    expect(await File({ file_types: ["file"] }).preprocess(txt, ctx)).toBe(txt.path);
  });

  it("match extensions, categories and MIME types, and make the chooser's accept", () => {
    expect(matchesFileTypes("a.JSON", null, [".json"])).toBe(true);
    expect(matchesFileTypes("a.wav", null, ["audio"])).toBe(true);
    expect(matchesFileTypes("noext", "video/mp4", ["video"])).toBe(true);
    expect(matchesFileTypes("a.txt", null, ["image", ".pdf"])).toBe(false);
    expect(matchesFileTypes("a.txt", "", ["text/*"])).toBe(true);
    expect(matchesFileTypes("a.txt", null, null)).toBe(true);
    expect(acceptAttribute([".png", "image", "text/plain"])).toBe(".png,image/*,text/plain");
    expect(acceptAttribute(["file"])).toBeUndefined();
  });
});

describe("File config and API", () => {
  it("describes FileData (a list of them for several files) as a filepath", () => {
    expect(File().api()).toMatchObject({ type: { title: "FileData", required: ["path"] }, python_type: { type: "filepath" } });
    expect(Files().api()).toMatchObject({ type: { type: "array", items: { title: "FileData" } }, python_type: { type: "List[filepath]" } });
  });

  it("puts its props in the config, and Files defaults to several files", () => {
    expect(File({ file_types: [".csv"], height: 200 }).configProps()).toMatchObject({ file_count: "single", file_types: [".csv"], type: "filepath", height: 200 });
    expect(Files().configProps()).toMatchObject({ file_count: "multiple" });
    expect(Files({ file_count: "directory" }).configProps()).toMatchObject({ file_count: "directory" });
  });

  it("refuses bad props", () => {
    expect(() => File({ file_count: "many" as "multiple" })).toThrow(/file_count must be/);
    expect(() => File({ type: "file" as "filepath" })).toThrow(/type must be "filepath" or "binary"/);
    expect(() => File({ file_types: [""] })).toThrow(/file_types must be/);
  });

  it("keeps FileData and URLs as initial values and examples, and has an example input that exists", async () => {
    const fd = fileData("/cache/a.txt");
    expect(File({ value: fd }).initialPayload()).toBe(fd);
    expect(Files({ value: ["https://example.com/a.txt"] }).initialPayload()).toEqual([expect.objectContaining({ url: "https://example.com/a.txt" })]);
    expect(File({ value: "local.txt" }).initialPayload()).toBeNull();
    expect(File().processExample("local.txt")).toBe("local.txt");
    expect(File().exampleInput()).toMatchObject({ path: EXAMPLE_FILE_PATH, orig_name: "example.txt" });
    expect(new TextDecoder().decode(await readFile(EXAMPLE_FILE_PATH))).toMatch(/Vitrine/);
    expect(Files().exampleInput()).toHaveLength(1);
  });
});
