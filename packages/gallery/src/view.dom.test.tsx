/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { GalleryView, type GalleryViewProps } from "./view.js";
import { GalleryExample } from "./example.js";
import { galleryItemFile, type GalleryItem } from "./items.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded { changes: [GalleryItem[] | null, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const DEFAULTS: GalleryViewProps = {
  columns: 2, rows: null, height: null, allow_preview: true, preview: null, selected_index: null, object_fit: null,
  buttons: ["download", "download_all", "fullscreen"], fit_columns: true, file_types: null, sources: ["upload", "clipboard"],
};

function items(n: number): GalleryItem[] {
  return Array.from({ length: n }, (_, i) => ({ image: fileData(`/cache/${i}.png`, { orig_name: `${i}.png` }), caption: `caption ${i}` }));
}

function mount(value: GalleryItem[] | null, options: { interactive?: boolean; props?: Partial<GalleryViewProps> } = {}) {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const view: ViewProps<GalleryItem[] | null, GalleryViewProps> = {
    id: 1, value, interactive: options.interactive ?? false, status: { stage: "idle" },
    props: { ...DEFAULTS, ...options.props, label: "Pics" },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => {
      rec.uploaded.push(...files);
      return files.map((f, i) => fileData(`/cache/up${i}`, { orig_name: (f as File).name, mime_type: f.type }));
    },
    fileUrl: (f: FileData) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  const render = (v: GalleryItem[] | null, props: Partial<GalleryViewProps> = {}) =>
    act(() => root!.render(<GalleryView {...view} value={v} props={{ ...view.props, ...props }} />));
  render(value);
  return { container, rec, render };
}

const byLabel = (c: HTMLElement, label: string) => c.querySelector<HTMLElement>(`[aria-label="${label}"]`);

describe("GalleryView in a DOM", () => {
  it("takes columns per screen size: the count for the viewport's width, following a resize", () => {
    const { container } = mount(items(8), { props: { columns: [1, 2, 3, 4, 6], rows: [1, 2] } });
    const grid = () => container.querySelector<HTMLElement>(".vt-gallery-grid")!;
    const resize = (width: number) =>
      act(() => {
        Object.defineProperty(window, "innerWidth", { configurable: true, value: width });
        window.dispatchEvent(new Event("resize"));
      });
    resize(1000);
    expect(grid().style.gridTemplateColumns).toBe("repeat(4, minmax(0, 1fr))");
    expect(grid().style.maxHeight).toBe("calc(2 * (100cqw / 4))");
    resize(400);
    expect(grid().style.gridTemplateColumns).toBe("repeat(1, minmax(0, 1fr))");
    expect(grid().style.maxHeight).toBe("calc(1 * (100cqw / 1))");
    resize(1600);
    expect(grid().style.gridTemplateColumns).toBe("repeat(6, minmax(0, 1fr))");
  });

  it("shows one thumbnail per item with its caption, in `columns` columns", () => {
    const { container } = mount(items(5), { props: { columns: 3, object_fit: "contain" } });
    const thumbs = container.querySelectorAll(".vt-gallery-grid .vt-gallery-thumb");
    expect(thumbs).toHaveLength(5);
    expect(thumbs[1]!.getAttribute("aria-label")).toBe("Image 2: caption 1");
    expect(thumbs[1]!.querySelector("img")!.getAttribute("src")).toBe("/gradio_api/file=/cache/1.png");
    const grid = container.querySelector<HTMLElement>(".vt-gallery-grid")!;
    expect(grid.style.gridTemplateColumns).toBe("repeat(3, minmax(0, 1fr))");
    expect(grid.style.getPropertyValue("--vt-gallery-fit")).toBe("contain");
    expect(container.querySelectorAll(".vt-gallery-caption")[4]!.textContent).toBe("caption 4");
  });

  it("opens the preview on a click, moves with the arrow keys and buttons, and closes on Escape", () => {
    const { container, rec } = mount(items(3));
    act(() => byLabel(container, "Image 2: caption 1")!.click());
    const preview = container.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(preview).not.toBeNull();
    expect(document.activeElement).toBe(preview);
    expect(container.querySelector(".vt-gallery-large")!.getAttribute("src")).toBe("/gradio_api/file=/cache/1.png");
    expect(container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 1");
    expect(rec.events).toEqual([
      ["select", { index: 1, value: items(3)[1], selected: true }],
      ["preview_open", undefined],
    ]);
    act(() => { preview.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true })); });
    expect(container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 2");
    act(() => { preview.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true })); });
    expect(container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 0");
    act(() => byLabel(container, "Previous image")!.click());
    expect(container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 2");
    expect(rec.events.filter(([e]) => e === "select").map(([, d]) => (d as { index: number }).index)).toEqual([1, 2, 0, 2]);
    expect(byLabel(container, "Download")!.getAttribute("download")).toBe("2.png");
    act(() => { preview.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true })); });
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(rec.events.at(-1)).toEqual(["preview_close", undefined]);
    expect(container.querySelectorAll(".vt-gallery-grid .vt-gallery-thumb")).toHaveLength(3);
  });

  it("selects without a preview when allow_preview is false; starts in preview with preview or selected_index", () => {
    const a = mount(items(2), { props: { allow_preview: false } });
    act(() => byLabel(a.container, "Image 1: caption 0")!.click());
    expect(a.container.querySelector('[role="dialog"]')).toBeNull();
    expect(byLabel(a.container, "Image 1: caption 0")!.getAttribute("aria-current")).toBe("true");
    expect(a.rec.events.map(([e]) => e)).toEqual(["select"]);
    act(() => root?.unmount());
    const b = mount(items(3), { props: { preview: true } });
    expect(b.container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 0");
    b.render(items(3), { selected_index: 2 });
    expect(b.container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 2");
    // A shorter value keeps the preview on its last item.
    b.render(items(2), { selected_index: 2 });
    expect(b.container.querySelector(".vt-gallery-preview-caption")!.textContent).toBe("caption 1");
  });

  it("uploads images into an interactive gallery, adding them to its value", async () => {
    const { container, rec, render } = mount(null, { interactive: true });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe("image/*,video/*");
    const files = [new File(["a"], "a.png", { type: "image/png" }), new File(["b"], "b.mp4", { type: "video/mp4" }), new File(["c"], "c.txt", { type: "text/plain" })];
    Object.defineProperty(input, "files", { value: files, configurable: true });
    await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.uploaded.map((f) => (f as File).name)).toEqual(["a.png", "b.mp4"]);
    const [value, options] = rec.changes[0]!;
    expect(value).toEqual([
      { image: expect.objectContaining({ orig_name: "a.png" }), caption: null },
      { video: expect.objectContaining({ orig_name: "b.mp4" }), caption: null },
    ]);
    expect(options).toEqual({ userInput: true });
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
    // With items, a drop adds to them.
    render(value);
    const zone = container.querySelector<HTMLElement>(".vt-gallery")!;
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["d"], "d.png", { type: "image/png" })] } });
    await act(async () => { zone.dispatchEvent(drop); });
    expect(rec.changes[1]![0]).toHaveLength(3);
  });

  it("refuses files that file_types does not allow, with a message", async () => {
    const { container, rec } = mount(null, { interactive: true, props: { file_types: [".png"] } });
    const zone = container.querySelector<HTMLElement>(".vt-gallery-drop")!;
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["x"], "x.jpg", { type: "image/jpeg" })] } });
    await act(async () => { zone.dispatchEvent(drop); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe("Only .png files are allowed.");
  });

  it("removes an item with its remove button and fires delete", () => {
    const { container, rec } = mount(items(3), { interactive: true });
    act(() => byLabel(container, "Remove Image 2: caption 1")!.click());
    expect(rec.events).toEqual([["delete", { file: galleryItemFile(items(3)[1]!), index: 1 }]]);
    expect(rec.changes).toEqual([[[items(3)[0], items(3)[2]], { userInput: true }]]);
  });

  it("shows no upload area and no remove buttons when not interactive", () => {
    const { container } = mount(items(1));
    expect(container.querySelector('input[type="file"]')).toBeNull();
    expect(container.querySelector(".vt-gallery-remove")).toBeNull();
    act(() => root!.render(<GalleryView id={1} value={[]} interactive={false} status={{ stage: "idle" }} props={{ ...DEFAULTS }}
      onChange={() => {}} dispatch={() => {}} upload={async () => []} fileUrl={(f) => f.path} />));
    expect(container.querySelector(".vt-gallery-empty")!.textContent).toBe("No images");
  });

  it("shows an example as its first thumbnails and a count of the rest", () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
    act(() => root!.render(<GalleryExample value={items(5)} props={{}} fileUrl={(f) => `/f=${f.path}`} />));
    expect([...container.querySelectorAll("img")].map((i) => i.getAttribute("src"))).toEqual(["/f=/cache/0.png", "/f=/cache/1.png", "/f=/cache/2.png"]);
    expect(container.textContent).toBe("+2");
  });
});
