/**
 * @jest-environment jsdom
 */
/**
 * The ImageEditor's webcam source in jsdom: jsdom has no camera, no 2D canvas and loads no
 * images, so getUserMedia, the canvas's context (a recorder), its PNG export and image loading
 * are stood in for; chromium's fake camera runs the real thing in
 * tests/integration/test/browser-media-webcam.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { ImageEditorView, videoConstraints, type EditorWireValue, type ImageEditorViewProps } from "./view.js";
import { Brush, Eraser, LayerOptions } from "./tools.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What the page asked of the camera, and what was drawn from the video. */
let asked: { constraints: unknown[]; stopped: number; drawn: string[] };
let root: Root | null = null;

/** A 2D context that accepts every call and records the transforms and the video frames drawn. */
function recordingContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {};
  return new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === "translate") return (x: number) => asked.drawn.push(`translate ${x}`);
      if (key === "scale") return (x: number, y: number) => asked.drawn.push(`scale ${x} ${y}`);
      if (key === "drawImage")
        return (source: unknown, x: number, y: number, w?: number, h?: number) => {
          if (source instanceof HTMLVideoElement) asked.drawn.push(`draw video ${x} ${y} ${w} ${h}`);
        };
      return () => undefined;
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

/** An image that "loads" at once at 64×48, the fake camera's size (jsdom loads no images). */
class LoadedImage {
  width = 64;
  height = 48;
  naturalWidth = 64;
  naturalHeight = 48;
  crossOrigin: string | null = null;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  set src(_url: string) {
    setTimeout(() => this.onload?.(), 0);
  }
}

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
    return recordingContext();
  } as never;
  HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, callback: BlobCallback, type?: string) {
    callback(new Blob([`${this.width}x${this.height}`], { type: type ?? "image/png" }));
  };
  URL.createObjectURL = () => "blob:photo";
  URL.revokeObjectURL = () => undefined;
  (window as unknown as { Image: unknown }).Image = LoadedImage;
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

interface Recorded { changes: [EditorWireValue | null, unknown][]; events: [string, unknown][]; uploads: File[][] }

const baseProps: ImageEditorViewProps = {
  height: null, width: null, sources: ["upload", "webcam"], show_download_button: true, show_fullscreen_button: true, placeholder: null,
  transforms: ["crop"], brush: Brush({ colors: ["#000000"], color_mode: "fixed", default_size: 4 }), eraser: Eraser(),
  layers: LayerOptions(), canvas_size: [200, 100], fixed_canvas: false, webcam_options: { mirror: true, constraints: null },
};

function mount(extra: Partial<ImageEditorViewProps> = {}) {
  const rec: Recorded = { changes: [], events: [], uploads: [] };
  let n = 0;
  const view: ViewProps<EditorWireValue | null, ImageEditorViewProps> = {
    id: 1, value: null, interactive: true, status: { stage: "idle" },
    props: { ...baseProps, label: "Editor", ...extra },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => {
      rec.uploads.push(files as File[]);
      return files.map((f) => fileData(`/cache/${n++}-${(f as File).name}`, { orig_name: (f as File).name }));
    },
    fileUrl: (f: FileData) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<ImageEditorView {...view} />));
  return { container, rec };
}

const byLabel = (c: HTMLElement, label: string) => c.querySelector<HTMLElement>(`[aria-label="${label}"]`);
const byText = (c: HTMLElement, text: string) => [...c.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === text) ?? null;
/** Lets effects and timers run, then tells the preview its first picture has arrived (jsdom plays no video). */
const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 10));
    for (const video of document.querySelectorAll("video")) video.dispatchEvent(new Event("loadeddata"));
  });

/** The text of a blob (jsdom's Blob has no text()). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe("the ImageEditor's webcam source", () => {
  it("a Webcam button opens the camera in place of the canvas; a photo becomes the background, saved and fired as an upload", async () => {
    const { container, rec } = mount({ webcam_options: { mirror: true, constraints: { video: { width: 320 } } } });
    expect(container.querySelector("video")).toBeNull();
    expect(container.querySelector(".vt-ie-hint")!.textContent).toBe("Drop an image here or take a photo with the webcam, or draw on the blank canvas");
    const webcam = byText(container, "Webcam")!;
    expect(webcam.getAttribute("aria-pressed")).toBe("false");
    await act(async () => webcam.click());
    await flush();
    expect(webcam.getAttribute("aria-pressed")).toBe("true");
    const video = container.querySelector("video")!;
    expect(video.getAttribute("aria-label")).toBe("Editor: camera");
    expect(video.style.transform).toBe("scaleX(-1)");
    // Gradio's { video: {...} } form: the video constraints are what getUserMedia gets.
    expect(asked.constraints).toEqual([{ video: { width: 320 }, audio: false }]);
    expect((container.querySelector(".vt-ie-frame") as HTMLElement).style.display).toBe("none");

    await act(async () => byLabel(container, "Take a photo")!.click());
    await flush();
    await flush();
    // The photo is the video's frame, mirrored.
    expect(asked.drawn).toEqual(expect.arrayContaining(["translate 64", "scale -1 1", "draw video 0 0 64 48"]));
    // The camera closed, the canvas shows again at the photo's size, and the brush is the tool.
    expect(container.querySelector("video")).toBeNull();
    expect(asked.stopped).toBe(1);
    const canvas = byLabel(container, "Editor: canvas") as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([64, 48]);
    expect((container.querySelector(".vt-ie-frame") as HTMLElement).style.display).toBe("");
    expect(byLabel(container, "Brush")!.getAttribute("aria-pressed")).toBe("true");
    expect(container.querySelector(".vt-ie-hint")).toBeNull();
    // Saved like an upload: background, layer and composite of the photo's size; `upload` fired.
    const saved = rec.uploads.at(-1)!;
    expect(saved.map((f) => f.name)).toEqual(["background.png", "layer1.png", "composite.png"]);
    expect(await textOf(saved[0]!)).toBe("64x48");
    expect(await textOf(saved[2]!)).toBe("64x48");
    expect(rec.changes.at(-1)![0]).toMatchObject({ background: { orig_name: "background.png" }, composite: { orig_name: "composite.png" } });
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("webcam_options: mirror false takes the frame as is; plain constraints go to getUserMedia as the video constraints", async () => {
    const { container } = mount({ sources: ["webcam"], webcam_options: { mirror: false, constraints: { width: 160, facingMode: "user" } } });
    expect(container.querySelector(".vt-ie-hint")!.textContent).toBe("Take a photo with the webcam, or draw on the blank canvas");
    await act(async () => byText(container, "Webcam")!.click());
    await flush();
    expect(container.querySelector("video")!.style.transform).toBe("");
    expect(asked.constraints).toEqual([{ video: { width: 160, facingMode: "user" }, audio: false }]);
    await act(async () => byLabel(container, "Take a photo")!.click());
    await flush();
    expect(asked.drawn.filter((d) => d.startsWith("translate") || d.startsWith("scale"))).toEqual([]);
    expect(asked.drawn).toContain("draw video 0 0 64 48");
  });

  it("pressing Webcam again closes the camera without a photo; no Webcam button without the source", async () => {
    const { container, rec } = mount();
    await act(async () => byText(container, "Webcam")!.click());
    await flush();
    expect(container.querySelector("video")).not.toBeNull();
    await act(async () => byText(container, "Webcam")!.click());
    expect(container.querySelector("video")).toBeNull();
    expect(asked.stopped).toBe(1);
    expect(rec.uploads).toEqual([]);
    act(() => root?.unmount());
    root = null;
    const { container: none } = mount({ sources: ["upload", "clipboard"] });
    expect(byText(none, "Webcam")).toBeNull();
  });

  it("reads Gradio's constraints forms", () => {
    expect(videoConstraints(null)).toBeNull();
    expect(videoConstraints({ video: { width: 640 }, audio: false })).toEqual({ width: 640 });
    expect(videoConstraints({ video: true })).toBeNull();
    expect(videoConstraints({ width: 640 })).toEqual({ width: 640 });
  });
});
