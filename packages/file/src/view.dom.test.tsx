/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { FileView, type FileViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Value = FileData | FileData[] | null;
interface Recorded { changes: [Value, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function viewProps(value: Value, interactive: boolean, extra: Partial<FileViewProps>, rec: Recorded): ViewProps<Value, FileViewProps> {
  return {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { file_count: "single", file_types: null, height: null, label: "Docs", ...extra },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files, options) => {
      rec.uploaded.push(...files);
      options?.onProgress?.(1);
      return files.map((f, i) => fileData(`/cache/up${i}`, { orig_name: (f as File).name, size: f.size }));
    },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
}

function mount(value: Value, interactive = true, extra: Partial<FileViewProps> = {}): { container: HTMLElement; rec: Recorded } {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<FileView {...viewProps(value, interactive, extra, rec)} />));
  return { container, rec };
}

const txt = (name = "notes.txt") => new File(["hello"], name, { type: "text/plain" });
const png = () => new File([new Uint8Array([0x89, 0x50])], "cat.png", { type: "image/png" });

async function choose(container: HTMLElement, files: File[]) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
}

describe("FileView in a DOM", () => {
  it("uploads one file from the chooser, then sets the value and fires upload", async () => {
    const { container, rec } = mount(null);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(false);
    await choose(container, [txt()]);
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.changes).toEqual([[expect.objectContaining({ path: "/cache/up0", orig_name: "notes.txt" }), { userInput: true }]]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("takes several files with file_count multiple, a folder with directory, and sets accept from file_types", async () => {
    const { container, rec } = mount(null, true, { file_count: "multiple", file_types: [".txt", "image"] });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    expect(input.getAttribute("accept")).toBe(".txt,image/*");
    await choose(container, [txt(), png()]);
    expect(rec.changes[0]![0]).toEqual([expect.objectContaining({ orig_name: "notes.txt" }), expect.objectContaining({ orig_name: "cat.png" })]);
    act(() => root?.unmount());
    const dir = mount(null, true, { file_count: "directory" });
    expect(dir.container.querySelector('input[type="file"]')!.hasAttribute("webkitdirectory")).toBe(true);
  });

  it("uploads dropped files, and refuses a type file_types does not allow", async () => {
    const { container, rec } = mount(null, true, { file_types: [".png"] });
    const zone = container.querySelector<HTMLElement>(".vt-file-drop")!;
    const drop = (files: File[]) => {
      const e = new Event("drop", { bubbles: true, cancelable: true });
      Object.defineProperty(e, "dataTransfer", { value: { files } });
      return e;
    };
    await act(async () => { zone.dispatchEvent(drop([txt()])); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('"notes.txt" is not an allowed file type; allowed: ".png"');
    await act(async () => { zone.dispatchEvent(drop([png()])); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("lists files with name, size and a download link; select, download, remove and clear fire their events", () => {
    const a = fileData("/cache/a/report.pdf", { orig_name: "report.pdf", size: 2048 });
    const b = fileData("/cache/b/data.csv", { size: 10 });
    const { container, rec } = mount([a, b], true, { file_count: "multiple" });
    const rows = [...container.querySelectorAll("tr")];
    expect(rows.map((r) => r.querySelector(".vt-file-name")!.textContent)).toEqual(["report.pdf", "data.csv"]);
    expect(rows.map((r) => r.querySelector(".vt-file-size")!.textContent)).toEqual(["2.0 KB", "10 B"]);
    const link = container.querySelector<HTMLAnchorElement>('a[aria-label="Download report.pdf"]')!;
    expect(link.getAttribute("href")).toBe("/gradio_api/file=/cache/a/report.pdf");
    expect(link.getAttribute("download")).toBe("report.pdf");
    link.addEventListener("click", (e) => e.preventDefault());
    act(() => { link.click(); });
    act(() => { rows[1]!.querySelector<HTMLElement>(".vt-file-name")!.click(); });
    act(() => { container.querySelector<HTMLButtonElement>('[aria-label="Remove report.pdf"]')!.click(); });
    act(() => { container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click(); });
    expect(rec.events).toEqual([
      ["download", { file: a }],
      ["select", { index: 1, value: b, selected: true }],
      ["delete", { file: a }],
      ["clear", undefined],
    ]);
    expect(rec.changes).toEqual([[[b], { userInput: true }], [null, { userInput: true }]]);
  });
});

describe("FileView markup", () => {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  it("shows no upload area, remove or clear buttons when not interactive, but keeps download links", () => {
    const html = renderToStaticMarkup(<FileView {...viewProps(fileData("/cache/x.txt"), false, {}, rec)} />);
    expect(html).toContain('download="x.txt"');
    expect(html).not.toContain("Remove");
    expect(html).not.toContain("Clear");
    expect(renderToStaticMarkup(<FileView {...viewProps(null, false, {}, rec)} />)).not.toContain('type="file"');
  });

  it("takes colours from theme variables only", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile(new URL("./view.tsx", import.meta.url), "utf8");
    const css = source.slice(source.indexOf("const CSS"), source.indexOf("`;", source.indexOf("const CSS")));
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(/i);
  });
});
