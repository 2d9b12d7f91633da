import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Blocks, fileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { SimpleImage } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

describe("SimpleImage", () => {
  it("gives the uploaded file's path, untouched", async () => {
    const bytes = await readFile(SimpleImage().exampleInput().path);
    const fd = await ctx.files.save(bytes, { name: "photo.png" });
    const path = await SimpleImage().preprocess(fd, ctx);
    expect(path).toBe(fd.path);
    expect(Buffer.compare(await readFile(path!), bytes)).toBe(0);
    expect(await SimpleImage().preprocess(null, ctx)).toBeNull();
  });

  it("refuses a file the store did not issue, and what is not a FileData", async () => {
    await expect(SimpleImage().preprocess(fileData("/etc/passwd"), ctx)).rejects.toThrow(/Not a file of this store/);
    await expect(SimpleImage().preprocess({ path: "/x.png" } as never, ctx)).rejects.toThrow(/expects a FileData/);
  });

  it("returns a path as the same bytes, with its name and MIME type (no re-encoding)", async () => {
    // Bytes that are not a valid image at all: SimpleImage never decodes them.
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);
    const path = join(store.dir, "given.jpg");
    await writeFile(path, bytes);
    const out = await SimpleImage().postprocess(path, ctx);
    expect(out).toMatchObject({ orig_name: "given.jpg", mime_type: "image/jpeg" });
    expect(Buffer.compare(await readFile(out!.path), bytes)).toBe(0);
  });

  it("passes URLs and FileData through, null as null, and refuses anything else", async () => {
    expect(await SimpleImage().postprocess("https://example.com/a/cat.webp", ctx)).toMatchObject({ path: "https://example.com/a/cat.webp", url: "https://example.com/a/cat.webp", orig_name: "cat.webp", mime_type: "image/webp" });
    const fd = fileData("/x/y.png");
    expect(await SimpleImage().postprocess(fd, ctx)).toBe(fd);
    expect(await SimpleImage().postprocess(null, ctx)).toBeNull();
    await expect(SimpleImage().postprocess(new Uint8Array(3) as never, ctx)).rejects.toThrow(/return a path, an http\(s\) URL, a FileData or null/);
  });

  it("takes a function as value (Gradio's callable value, with `inputs`): run on load and when an input changes, its path sent as the file", async () => {
    const paths: string[] = [];
    let source!: ReturnType<typeof SimpleImage>, shown!: ReturnType<typeof SimpleImage>;
    const app = Blocks(() => {
      source = SimpleImage({ label: "Source" });
      shown = SimpleImage({ label: "Shown", value: (from: string | null) => (from ? (paths.push(from), from) : null), inputs: [source] });
    });
    const dependency = app.config().dependencies.find((d) => d.outputs.includes(shown.id))!;
    expect(dependency.targets).toEqual([
      [source.id, "change"],
      [app.id, "load"],
    ]);
    const bytes = new Uint8Array([1, 2, 3]);
    const given = join(store.dir, "from-source.png");
    await writeFile(given, bytes);
    const made = await app.dependencies.find((d) => d.outputs.includes(shown))!.fn!(given);
    expect(paths).toEqual([given]);
    const out = await shown.postprocess(made as string, ctx);
    expect(Buffer.compare(await readFile(out!.path), bytes)).toBe(0);
  });

  it("describes itself, and declares clear, change and upload", () => {
    const app = Blocks(() => {
      SimpleImage({ label: "Scan", show_download_button: false, value: "https://example.com/s.png" });
    });
    const [config] = app.config().components.filter((c) => c.type === "simpleimage");
    expect(config).toMatchObject({
      props: { label: "Scan", show_download_button: false, value: { path: "https://example.com/s.png" }, name: "simpleimage" },
      api_info: { title: "FileData" },
    });
    const s = SimpleImage();
    for (const e of ["clear", "change", "upload"] as const) expect(typeof s[e]).toBe("function");
    expect((s as unknown as Record<string, unknown>).select).toBeUndefined();
  });
});
