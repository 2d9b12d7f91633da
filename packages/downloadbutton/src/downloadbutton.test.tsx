/**
 * @jest-environment jsdom
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { VitrineError, fileData, type FileData, type FileStore, type ProcessContext, type SaveOptions, type ViewProps } from "@vitrine/core";
import { DownloadButton } from "./index.js";
import { DownloadButtonView, type DownloadButtonViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A FileStore in memory; adopt reads a real file. */
class MemoryStore implements FileStore {
  readonly files = new Map<string, Uint8Array>();
  async save(data: Uint8Array, options: SaveOptions = {}): Promise<FileData> {
    const path = `/cache/${createHash("sha256").update(data).digest("hex").slice(0, 16)}/${options.name ?? "file"}`;
    this.files.set(path, new Uint8Array(data));
    return fileData(path, { orig_name: options.name ?? null, size: data.length, mime_type: options.mime_type ?? null });
  }
  async adopt(path: string, options: SaveOptions = {}): Promise<FileData> {
    return this.save(new Uint8Array(await readFile(path)), { name: options.name ?? basename(path), ...(options.mime_type ? { mime_type: options.mime_type } : {}) });
  }
  async resolve(file: FileData): Promise<string> {
    if (!this.files.has(file.path)) throw new VitrineError(`not a file of this server: ${file.path}`);
    return file.path;
  }
  async read(path: string): Promise<Uint8Array> { return new Uint8Array(this.files.get(path)!); }
}

const BYTES = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));
let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), "vitrine-downloadbutton-")); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe("DownloadButton (server side)", () => {
  it("takes a returned path (keeping its name) or bytes into the store, exactly", async () => {
    const store = new MemoryStore();
    const ctx: ProcessContext = { files: store };
    const local = join(dir, "report.pdf");
    await writeFile(local, BYTES);
    const out = (await DownloadButton().postprocess(local, ctx))!;
    expect(out).toMatchObject({ orig_name: "report.pdf", mime_type: "application/pdf", size: 300 });
    expect(Array.from(await store.read(out.path))).toEqual(Array.from(BYTES));
    const saved = (await DownloadButton().postprocess(BYTES, ctx))!;
    expect(Array.from(await store.read(saved.path))).toEqual(Array.from(BYTES));
    expect(await DownloadButton().postprocess(null, ctx)).toBeNull();
    await expect(DownloadButton().postprocess([local] as unknown as string, ctx)).rejects.toThrow(/holds one file/);
    expect(await DownloadButton().preprocess(out, ctx)).toBe(out.path);
    expect(await DownloadButton().preprocess(null, ctx)).toBeNull();
  });

  it("has Gradio's defaults, a FileData schema, and refuses bad props", () => {
    expect(DownloadButton().configProps()).toMatchObject({ label: "Download", variant: "secondary", size: "lg", icon: null, show_label: false });
    expect(DownloadButton("Get it", { variant: "primary" }).configProps()).toMatchObject({ label: "Get it", variant: "primary" });
    expect(DownloadButton().api()).toMatchObject({ type: { title: "FileData" }, python_type: { type: "filepath" } });
    const fd = fileData("/cache/x/a.txt");
    expect(DownloadButton({ value: fd }).initialPayload()).toBe(fd);
    expect(() => DownloadButton({ size: "xl" as "sm" })).toThrow(/size must be/);
  });
});

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function mount(value: FileData | null, interactive = true) {
  const events: [string, unknown][] = [];
  const view: ViewProps<FileData | null, DownloadButtonViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { variant: "primary", size: "md", icon: null, label: "Get the report" },
    onChange() {}, dispatch: (e, d) => void events.push([e, d]), upload: async () => [],
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<DownloadButtonView {...view} />));
  return { container, events };
}

describe("DownloadButtonView in a DOM", () => {
  it("is a download link to the file's URL, named after it, that fires click", () => {
    const { container, events } = mount(fileData("/cache/a/report.pdf", { orig_name: "report.pdf" }));
    const link = container.querySelector<HTMLAnchorElement>("a")!;
    expect(link.getAttribute("href")).toBe("/gradio_api/file=/cache/a/report.pdf");
    expect(link.getAttribute("download")).toBe("report.pdf");
    expect(link.className).toBe("vt-button vt-button-primary vt-button-md");
    expect(link.textContent).toBe("Get the report");
    link.addEventListener("click", (e) => e.preventDefault());
    act(() => link.click());
    expect(events).toEqual([["click", undefined]]);
  });

  it("is a disabled button with no file, or when not interactive", () => {
    expect(mount(null).container.querySelector("button")!.disabled).toBe(true);
    act(() => root?.unmount());
    const { container } = mount(fileData("/cache/a.txt"), false);
    expect(container.querySelector("a")).toBeNull();
    expect(container.querySelector("button")!.disabled).toBe(true);
  });
});
