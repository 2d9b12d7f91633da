/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { ImageView, type ImageViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded { changes: [FileData | null, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function mount(value: FileData | null, interactive = true): { container: HTMLElement; rec: Recorded } {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const view: ViewProps<FileData | null, ImageViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { height: null, width: null, sources: ["upload", "clipboard"], show_download_button: true, show_fullscreen_button: true, placeholder: null, label: "Photo" },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return files.map((_, i) => fileData(`/cache/up${i}.png`, { orig_name: "up.png" })); },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<ImageView {...view} />));
  return { container, rec };
}

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "cat.png", { type: "image/png" });

describe("ImageView in a DOM", () => {
  it("uploads a file from the chooser, then sets the value and fires upload", async () => {
    const { container, rec } = mount(null);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, "files", { value: [png()], configurable: true });
    await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.changes).toEqual([[expect.objectContaining({ path: "/cache/up0.png" }), { userInput: true }]]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("uploads a dropped file and a pasted one", async () => {
    const { container, rec } = mount(null);
    const zone = container.querySelector<HTMLElement>(".vt-image-drop")!;
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [png()] } });
    await act(async () => { zone.dispatchEvent(drop); });
    const paste = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(paste, "clipboardData", { value: { files: [png()] } });
    await act(async () => { zone.dispatchEvent(paste); });
    expect(rec.uploaded).toHaveLength(2);
    expect(rec.events.map(([e]) => e)).toEqual(["upload", "upload"]);
  });

  it("refuses a dropped file that is not an image", async () => {
    const { container, rec } = mount(null);
    const zone = container.querySelector<HTMLElement>(".vt-image-drop")!;
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["x"], "a.txt", { type: "text/plain" })] } });
    await act(async () => { zone.dispatchEvent(drop); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/not an image/);
  });

  it("clears, and selects the clicked pixel in the image's natural size", () => {
    const { container, rec } = mount(fileData("/cache/a.png"));
    const img = container.querySelector("img")!;
    Object.defineProperty(img, "naturalWidth", { value: 400 });
    Object.defineProperty(img, "naturalHeight", { value: 200 });
    img.getBoundingClientRect = () => ({ left: 10, top: 20, width: 200, height: 100, right: 210, bottom: 120, x: 10, y: 20, toJSON() {} });
    act(() => { img.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 60, clientY: 45 })); });
    expect(rec.events).toEqual([["select", { index: [100, 50], value: null, selected: true }]]);
    act(() => { container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click(); });
    expect(rec.changes).toEqual([[null, { userInput: true }]]);
    expect(rec.events.at(-1)).toEqual(["clear", undefined]);
  });
});
