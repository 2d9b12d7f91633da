/**
 * @jest-environment jsdom
 */
/**
 * The Image's webcam source in jsdom (no camera or canvas there: getUserMedia and the canvas's
 * 2D context are stood in for; chromium's fake camera runs the real thing in
 * tests/integration/test/browser-webcam.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { ImageView, type ImageViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded { changes: [FileData | null, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

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

function mount(props: Partial<ImageViewProps>, value: FileData | null = null) {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const view = (p: Partial<ImageViewProps>): ViewProps<FileData | null, ImageViewProps> => ({
    id: 1, value, interactive: true, status: { stage: "idle" },
    props: { height: null, width: null, sources: ["webcam", "upload", "clipboard"], show_download_button: true, show_fullscreen_button: true, placeholder: null, label: "Photo", ...p },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return files.map(() => fileData("/cache/webcam.png", { orig_name: "webcam.png" })); },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  });
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<ImageView {...view(props)} />));
  const rerender = (p: Partial<ImageViewProps>) => act(() => root!.render(<ImageView {...view({ ...props, ...p })} />));
  return { container, rec, rerender };
}

const button = (container: HTMLElement, name: string) =>
  [...container.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent) === name)!;
/** Lets effects run, then tells the preview its first picture has arrived (jsdom plays no video). */
const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
    for (const video of document.querySelectorAll("video")) video.dispatchEvent(new Event("loadeddata"));
  });

describe("the webcam source", () => {
  it("shows the camera (mirrored, with the constraints asked for) and takes a mirrored PNG photo", async () => {
    const { container, rec } = mount({ webcam_constraints: { width: 320, facingMode: "user" } });
    await flush();
    const video = container.querySelector("video")!;
    expect(video.getAttribute("aria-label")).toBe("Photo: camera");
    expect(video.style.transform).toBe("scaleX(-1)");
    expect(asked.constraints).toEqual([{ video: { width: 320, facingMode: "user" }, audio: false }]);
    await act(async () => button(container, "Take a photo").click());
    await flush();
    expect(asked.drawn).toEqual(["translate 64", "scale -1 1", "draw 0 0 64 48"]);
    expect(rec.uploaded).toHaveLength(1);
    expect((rec.uploaded[0] as File).name).toBe("webcam.png");
    expect(rec.uploaded[0]!.type).toBe("image/png");
    expect(rec.changes).toEqual([[expect.objectContaining({ path: "/cache/webcam.png" }), { userInput: true }]]);
    // A photo is a change, not an upload (as Gradio's webcam).
    expect(rec.events).toEqual([]);
  });

  it("does not mirror with mirror_webcam: false; switching to another source closes the camera", async () => {
    const { container } = mount({ mirror_webcam: false });
    await flush();
    expect(container.querySelector("video")!.style.transform).toBe("");
    await act(async () => button(container, "Take a photo").click());
    await flush();
    expect(asked.drawn).toEqual(["draw 0 0 64 48"]);
    const sources = [...container.querySelectorAll('[aria-label="Photo: source"] button')].map((b) => [b.textContent, b.getAttribute("aria-pressed")]);
    expect(sources).toEqual([["Webcam", "true"], ["Upload", "false"], ["Clipboard", "false"]]);
    await act(async () => button(container, "Upload").click());
    expect(container.querySelector("video")).toBeNull();
    expect(asked.stopped).toBe(1);
    expect(container.querySelector('[aria-label="Photo: upload an image"]')).not.toBeNull();
  });

  it("streams a JPEG frame every stream_every seconds until stopped, then closes the stream", async () => {
    const { container, rec } = mount({ sources: ["webcam"], streaming: true, stream_every: 0.03, time_limit: null });
    await flush();
    expect(button(container, "Take a photo")).toBeUndefined();
    await act(async () => button(container, "Start streaming").click());
    // Frames come every 30 ms; wait until three did (a loaded machine may be slower than that).
    const frames = () => rec.events.filter(([e]) => e === "stream").length;
    for (let i = 0; i < 100 && frames() < 3; i++) await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
    await act(async () => button(container, "Stop streaming").click());
    const names = rec.events.map(([e]) => e);
    expect(names[0]).toBe("start_recording");
    expect(names.filter((e) => e === "stream").length).toBeGreaterThanOrEqual(3);
    expect(names.at(-1)).toBe("close_stream");
    const frame = rec.events.find(([e]) => e === "stream")![1] as Blob;
    expect(frame.type).toBe("image/jpeg");
    const sent = rec.events.length;
    await act(async () => { await new Promise((r) => setTimeout(r, 100)); });
    expect(rec.events.length).toBe(sent);
    expect(button(container, "Start streaming")).toBeDefined();
  });

  it("stops at the time limit, and when the page's stream ends", async () => {
    const { container, rec, rerender } = mount({ sources: ["webcam"], streaming: true, stream_every: 0.03, time_limit: 0.1 });
    await flush();
    await act(async () => button(container, "Start streaming").click());
    await act(async () => { await new Promise((r) => setTimeout(r, 250)); });
    expect(rec.events.at(-1)![0]).toBe("close_stream");
    expect(button(container, "Start streaming")).toBeDefined();

    rec.events.length = 0;
    rerender({ time_limit: null });
    await act(async () => button(container, "Start streaming").click());
    rerender({ time_limit: null, stream_active: true });
    await act(async () => { await new Promise((r) => setTimeout(r, 60)); });
    rerender({ time_limit: null, stream_active: false });
    await flush();
    expect(rec.events.at(-1)![0]).toBe("close_stream");
    expect(button(container, "Start streaming")).toBeDefined();
  });
});
