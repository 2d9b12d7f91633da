/**
 * @jest-environment jsdom
 */
/**
 * The Gallery's webcam source in jsdom (no camera or canvas there: getUserMedia and the canvas's
 * 2D context are stood in for; chromium's fake camera runs the real thing in
 * tests/integration/test/browser-media-webcam.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { GalleryView, type GalleryViewProps } from "./view.js";
import type { GalleryItem } from "./items.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded { changes: [GalleryItem[] | null, unknown][]; events: [string, unknown][]; uploaded: File[] }

let root: Root | null = null;
/** What the page asked of the camera and the canvas. */
let asked: { constraints: unknown[]; stopped: number; drawn: string[] };

beforeEach(() => {
  asked = { constraints: [], stopped: 0, drawn: [] };
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: {
      getUserMedia: async (c: unknown) => {
        asked.constraints.push(c);
        return { getTracks: () => [{ stop: () => void asked.stopped++ }] };
      },
    },
  });
  Object.defineProperty(HTMLVideoElement.prototype, "videoWidth", { configurable: true, get: () => 64 });
  Object.defineProperty(HTMLVideoElement.prototype, "videoHeight", { configurable: true, get: () => 48 });
  HTMLMediaElement.prototype.play = async () => undefined;
  HTMLCanvasElement.prototype.getContext = function () {
    return {
      translate: (x: number) => asked.drawn.push(`translate ${x}`),
      scale: (x: number, y: number) => asked.drawn.push(`scale ${x} ${y}`),
      drawImage: (_v: unknown, x: number, y: number, w: number, h: number) => asked.drawn.push(`draw ${x} ${y} ${w} ${h}`),
    } as unknown as CanvasRenderingContext2D;
  } as never;
  HTMLCanvasElement.prototype.toBlob = function (cb: BlobCallback, type?: string) {
    cb(new Blob([new Uint8Array([1, 2, 3])], { type: type ?? "image/png" }));
  };
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const DEFAULTS: GalleryViewProps = {
  columns: 2, rows: null, height: null, allow_preview: true, preview: null, selected_index: null, object_fit: null,
  buttons: ["download", "download_all", "fullscreen"], fit_columns: true, file_types: null, sources: ["webcam", "upload"],
};

function mount(value: GalleryItem[] | null, props: Partial<GalleryViewProps> = {}, interactive = true) {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  let n = 0;
  const view = (v: GalleryItem[] | null): ViewProps<GalleryItem[] | null, GalleryViewProps> => ({
    id: 1, value: v, interactive, status: { stage: "idle" },
    props: { ...DEFAULTS, ...props, label: "Shots" },
    onChange: (next, o) => {
      rec.changes.push([next, o]);
      render(next);
    },
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => {
      rec.uploaded.push(...(files as File[]));
      return files.map((f) => fileData(`/cache/${n++}-${(f as File).name}`, { orig_name: (f as File).name, mime_type: f.type }));
    },
    fileUrl: (f: FileData) => `/gradio_api/file=${f.path}`,
  });
  const render = (v: GalleryItem[] | null) => root!.render(<GalleryView {...view(v)} />);
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => render(value));
  return { container, rec };
}

const button = (c: HTMLElement, name: string) =>
  [...c.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent) === name) ?? null;
/** Lets effects run, then tells the preview its first picture has arrived (jsdom plays no video). */
const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 10));
    for (const video of document.querySelectorAll("video")) video.dispatchEvent(new Event("loadeddata"));
  });

describe("the Gallery's webcam source", () => {
  it("first source and empty: the camera shows; a photo (mirrored PNG) is added, fires change only, and the gallery shows", async () => {
    const { container, rec } = mount(null);
    await flush();
    const video = container.querySelector("video")!;
    expect(video.getAttribute("aria-label")).toBe("Shots: camera");
    expect(video.style.transform).toBe("scaleX(-1)");
    expect(asked.constraints).toEqual([{ video: true, audio: false }]);
    const sources = [...container.querySelectorAll('[aria-label="Shots: source"] button')].map((b) => [b.textContent, b.getAttribute("aria-pressed")]);
    expect(sources).toEqual([["Webcam", "true"], ["Upload", "false"]]);

    await act(async () => button(container, "Take a photo")!.click());
    await flush();
    expect(asked.drawn).toEqual(["translate 64", "scale -1 1", "draw 0 0 64 48"]);
    expect(rec.uploaded.map((f) => [f.name, f.type])).toEqual([["webcam.png", "image/png"]]);
    expect(rec.changes).toEqual([[[{ image: expect.objectContaining({ path: "/cache/0-webcam.png" }), caption: null }], { userInput: true }]]);
    expect(rec.events).toEqual([]);
    // Back to the gallery: the photo's thumbnail; the camera is closed.
    expect(container.querySelector("video")).toBeNull();
    expect(asked.stopped).toBe(1);
    expect(button(container, "Image 1")).not.toBeNull();

    // The Webcam button opens it again; a second photo is added after the first.
    await act(async () => button(container, "Webcam")!.click());
    await flush();
    await act(async () => button(container, "Take a photo")!.click());
    await flush();
    expect(rec.changes.at(-1)![0]!.map((i) => (i as { image: FileData }).image.path)).toEqual(["/cache/0-webcam.png", "/cache/1-webcam.png"]);
  });

  it("upload first: the drop area shows until Webcam is chosen; Upload goes back and closes the camera", async () => {
    const { container } = mount(null, { sources: ["upload", "webcam", "clipboard"] });
    await flush();
    expect(container.querySelector("video")).toBeNull();
    expect(container.querySelector('[aria-label="Shots: upload images"]')).not.toBeNull();
    await act(async () => button(container, "Webcam")!.click());
    await flush();
    expect(container.querySelector("video")).not.toBeNull();
    expect(container.querySelector('[aria-label="Shots: upload images"]')).toBeNull();
    await act(async () => button(container, "Upload")!.click());
    expect(container.querySelector("video")).toBeNull();
    expect(asked.stopped).toBe(1);
    expect(container.querySelector('[aria-label="Shots: upload images"]')).not.toBeNull();
  });

  it("a photo is refused when file_types takes no PNG; nothing of the webcam when not interactive or not a source", async () => {
    const { container, rec } = mount(null, { file_types: ["video"] });
    await flush();
    await act(async () => button(container, "Take a photo")!.click());
    await flush();
    expect(rec.uploaded).toEqual([]);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe("Only video files are allowed.");
    act(() => root?.unmount());

    const shown = mount([{ image: fileData("/cache/a.png"), caption: null }], {}, false);
    expect(shown.container.querySelector("video")).toBeNull();
    expect(button(shown.container, "Webcam")).toBeNull();
    act(() => root?.unmount());

    const plain = mount(null, { sources: ["upload", "clipboard"] });
    expect(plain.container.querySelector("video")).toBeNull();
    expect(plain.container.querySelector('[aria-label="Shots: source"]')).toBeNull();
  });
});
