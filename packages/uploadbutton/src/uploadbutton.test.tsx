/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createHash } from "node:crypto";
import { VitrineError, fileData, type FileData, type FileStore, type ProcessContext, type SaveOptions, type ViewProps } from "@vitrine/core";
import { UploadButton } from "./index.js";
import { UploadButtonView, type UploadButtonViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A FileStore in memory. */
class MemoryStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();
  async save(data: Uint8Array, options: SaveOptions = {}): Promise<FileData> {
    const path = `/cache/${createHash("sha256").update(data).digest("hex").slice(0, 16)}/${options.name ?? "file"}`;
    this.files.set(path, new Uint8Array(data));
    return fileData(path, { orig_name: options.name ?? null, size: data.length });
  }
  async adopt(): Promise<FileData> { throw new Error("not used"); }
  async resolve(file: FileData): Promise<string> {
    if (!this.files.has(file.path)) throw new VitrineError(`not a file of this server: ${file.path}`);
    return file.path;
  }
  async read(path: string): Promise<Uint8Array> { return new Uint8Array(this.files.get(path)!); }
}

const BYTES = new Uint8Array(Array.from({ length: 256 }, (_, i) => 255 - i));

describe("UploadButton (server side)", () => {
  it("gives the function paths or exact bytes, one or a list, and checks file_types", async () => {
    const store = new MemoryStore();
    const ctx: ProcessContext = { files: store };
    const a = await store.save(BYTES, { name: "a.csv" });
    const b = await store.save(new Uint8Array([1, 2, 3]), { name: "b.png" });
    expect(await UploadButton().preprocess(a, ctx)).toBe(a.path);
    expect(Array.from(await UploadButton({ type: "binary" }).preprocess(a, ctx))).toEqual(Array.from(BYTES));
    const many = await UploadButton({ type: "binary", file_count: "multiple" }).preprocess([a, b], ctx);
    expect(many.map((x) => Array.from(x))).toEqual([Array.from(BYTES), [1, 2, 3]]);
    await expect(UploadButton({ file_types: [".csv"] }).preprocess(b, ctx)).rejects.toThrow('UploadButton: "b.png" is not an allowed file type; allowed: ".csv"');
    expect(await UploadButton().postprocess(BYTES, ctx)).toMatchObject({ size: 256 });
  });

  it("takes its text as label, has Gradio's defaults, and refuses bad props", () => {
    expect(UploadButton("Upload a CSV", { file_types: [".csv"], variant: "primary" }).configProps()).toMatchObject({
      label: "Upload a CSV", file_count: "single", file_types: [".csv"], type: "filepath", variant: "primary", size: "lg", show_label: false,
    });
    expect(UploadButton().configProps()).toMatchObject({ label: "Upload a File", variant: "secondary" });
    expect(UploadButton({ file_count: "multiple" }).api()).toMatchObject({ type: { type: "array" }, python_type: { type: "List[filepath]" } });
    expect(() => UploadButton({ variant: "big" as "primary" })).toThrow(/variant must be/);
    expect(() => UploadButton({ icon: "javascript:alert(1)" })).toThrow(/icon must be/);
    expect(() => UploadButton({ file_count: "all" as "single" })).toThrow(/file_count must be/);
    expect(UploadButton({ interactive: false }).explicitInteractive).toBe(false);
    expect(UploadButton().explicitInteractive).toBe(true);
  });
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function mount(extra: Partial<UploadButtonViewProps> = {}, interactive = true) {
  const rec = { changes: [] as unknown[], events: [] as [string, unknown][], uploaded: [] as Blob[] };
  const view: ViewProps<FileData | FileData[] | null, UploadButtonViewProps> = {
    id: 1, value: null, interactive, status: { stage: "idle" },
    props: { file_count: "single", file_types: null, variant: "primary", size: "sm", icon: null, label: "Upload a CSV", ...extra },
    onChange: (v) => void rec.changes.push(v),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return files.map((f, i) => fileData(`/cache/u${i}`, { orig_name: (f as File).name })); },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<UploadButtonView {...view} />));
  return { container, rec };
}

async function choose(container: HTMLElement, files: File[]) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
}

describe("UploadButtonView in a DOM", () => {
  it("fires click and opens the chooser; the chosen file is uploaded, becomes the value, and fires upload", async () => {
    const { container, rec } = mount({ file_types: [".csv"] });
    const button = container.querySelector<HTMLButtonElement>("button")!;
    expect(button.className).toBe("vt-button vt-button-primary vt-button-sm");
    expect(button.textContent).toBe("Upload a CSV");
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.getAttribute("accept")).toBe(".csv");
    let opened = 0;
    input.addEventListener("click", () => opened++);
    act(() => button.click());
    expect(opened).toBe(1);
    await choose(container, [new File(["a,b"], "t.csv", { type: "text/csv" })]);
    expect(rec.changes).toEqual([expect.objectContaining({ orig_name: "t.csv" })]);
    expect(rec.events.map(([e]) => e)).toEqual(["click", "upload"]);
  });

  it("uploads several files with file_count multiple, and refuses other types", async () => {
    const { container, rec } = mount({ file_count: "multiple", file_types: ["image"] });
    expect(container.querySelector<HTMLInputElement>('input[type="file"]')!.multiple).toBe(true);
    await choose(container, [new File(["x"], "a.txt", { type: "text/plain" })]);
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('"a.txt" is not an allowed file type; allowed: "image"');
    await choose(container, [new File(["x"], "a.png", { type: "image/png" }), new File(["y"], "b.gif", { type: "image/gif" })]);
    expect(rec.changes).toEqual([[expect.objectContaining({ orig_name: "a.png" }), expect.objectContaining({ orig_name: "b.gif" })]]);
  });

  it("is disabled when not interactive", () => {
    const { container } = mount({}, false);
    expect(container.querySelector("button")!.disabled).toBe(true);
  });
});
