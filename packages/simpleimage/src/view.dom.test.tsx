/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { SimpleImageView, type SimpleImageViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function mount(value: FileData | null, interactive = true, props: Partial<SimpleImageViewProps> = {}) {
  const rec = { changes: [] as [FileData | null, unknown][], events: [] as [string, unknown][], uploaded: [] as Blob[] };
  const view: ViewProps<FileData | null, SimpleImageViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { show_download_button: true, ...props, label: "Scan" },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return [fileData("/cache/up.png", { orig_name: "up.png" })]; },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<SimpleImageView {...view} />));
  return { container, rec };
}

describe("SimpleImageView in a DOM", () => {
  it("uploads a chosen image, then sets the value and fires upload", async () => {
    const { container, rec } = mount(null);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, "files", { value: [new File(["x"], "a.png", { type: "image/png" })], configurable: true });
    await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.changes).toEqual([[expect.objectContaining({ path: "/cache/up.png" }), { userInput: true }]]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("refuses a dropped file that is not an image", async () => {
    const { container, rec } = mount(null);
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["x"], "a.txt", { type: "text/plain" })] } });
    await act(async () => { container.querySelector(".vt-simpleimage-drop")!.dispatchEvent(drop); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe("That is not an image.");
  });

  it("shows the file as it is, with download and clear", () => {
    const { container, rec } = mount(fileData("/cache/a.gif", { orig_name: "a.gif" }));
    expect(container.querySelector("img")!.getAttribute("src")).toBe("/gradio_api/file=/cache/a.gif");
    expect(container.querySelector('[aria-label="Download"]')!.getAttribute("download")).toBe("a.gif");
    act(() => container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click());
    expect(rec.changes).toEqual([[null, { userInput: true }]]);
    expect(rec.events).toEqual([["clear", undefined]]);
  });

  it("hides download with show_download_button false, and clear and upload when not interactive", () => {
    const { container } = mount(fileData("/cache/a.png"), false, { show_download_button: false });
    expect(container.querySelector('[aria-label="Download"]')).toBeNull();
    expect(container.querySelector('[aria-label="Clear"]')).toBeNull();
    act(() => root!.unmount());
    const empty = mount(null, false);
    expect(empty.container.querySelector('input[type="file"]')).toBeNull();
  });
});
