/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import { fileData, type ViewProps } from "@vitrine/core";
import { VideoView, type VideoValue, type VideoViewProps } from "./view.js";
import { VideoExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded { changes: [VideoValue | null, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const BASE: VideoViewProps = {
  height: null, width: null, sources: ["upload"], autoplay: false, loop: false, show_download_button: null,
  include_audio: true, mirror_webcam: true, webcam_constraints: null,
};

function mount(value: VideoValue | null, interactive = true, extra: Partial<VideoViewProps> = {}): { container: HTMLElement; rec: Recorded } {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const view: ViewProps<VideoValue | null, VideoViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { ...BASE, label: "Clip", ...extra },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return files.map((f, i) => fileData(`/cache/up${i}/${(f as File).name}`, { orig_name: (f as File).name })); },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<VideoView {...view} />));
  return { container, rec };
}

const mp4 = () => new File([new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])], "clip.mp4", { type: "video/mp4" });
const value = (subtitles = false): VideoValue => ({
  video: fileData("/cache/a/clip.mp4", { orig_name: "clip.mp4" }),
  subtitles: subtitles ? fileData("/cache/b/subs.vtt") : null,
});

describe("VideoView in a DOM", () => {
  it("uploads a video from the file chooser, then sets the value and fires upload", async () => {
    const { container, rec } = mount(null);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe("video/*");
    Object.defineProperty(input, "files", { value: [mp4()], configurable: true });
    await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.changes).toEqual([[{ video: expect.objectContaining({ path: "/cache/up0/clip.mp4" }), subtitles: null }, { userInput: true }]]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("uploads a dropped video and refuses a dropped file that is not one", async () => {
    const { container, rec } = mount(null);
    const zone = container.querySelector<HTMLElement>('[aria-label="Clip: upload a video"]')!;
    const drop = (file: File) => {
      const e = new Event("drop", { bubbles: true, cancelable: true });
      Object.defineProperty(e, "dataTransfer", { value: { files: [file] } });
      return e;
    };
    await act(async () => { zone.dispatchEvent(drop(new File(["x"], "notes.txt", { type: "text/plain" }))); });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("That is not a video.");
    expect(rec.uploaded).toHaveLength(0);
    await act(async () => { zone.dispatchEvent(drop(new File(["x"], "movie.mkv", { type: "" }))); });
    expect(rec.uploaded).toHaveLength(1);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it("plays the value with its subtitles, loop and autoplay, and reports play, pause, stop and end", () => {
    const { container, rec } = mount(value(true), false, { loop: true, autoplay: true });
    const video = container.querySelector("video")!;
    expect(video.getAttribute("src")).toBe("/gradio_api/file=/cache/a/clip.mp4");
    expect(video.loop).toBe(true);
    expect(video.autoplay).toBe(true);
    expect(video.controls).toBe(true);
    const track = video.querySelector("track")!;
    expect(track.getAttribute("src")).toBe("/gradio_api/file=/cache/b/subs.vtt");
    expect(track.getAttribute("kind")).toBe("subtitles");
    act(() => { video.dispatchEvent(new Event("play")); });
    act(() => { video.dispatchEvent(new Event("pause")); });
    Object.defineProperty(video, "ended", { value: true, configurable: true });
    act(() => { video.dispatchEvent(new Event("pause")); video.dispatchEvent(new Event("ended")); });
    expect(rec.events.map(([e]) => e)).toEqual(["play", "pause", "stop", "end"]);
    // an output: a download link, no clear button
    expect(container.querySelector('a[aria-label="Download"]')?.getAttribute("download")).toBe("clip.mp4");
    expect(container.querySelector('[aria-label="Clear"]')).toBeNull();
  });

  it("clears an input's value, and hides the download button on inputs unless asked", () => {
    const { container, rec } = mount(value());
    expect(container.querySelector("track")).toBeNull();
    expect(container.querySelector('[aria-label="Download"]')).toBeNull();
    act(() => { container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click(); });
    expect(rec.changes).toEqual([[null, { userInput: true }]]);
    expect(rec.events).toEqual([["clear", undefined]]);
    act(() => root!.unmount());
    const shown = mount(value(), true, { show_download_button: true });
    expect(shown.container.querySelector('[aria-label="Download"]')).not.toBeNull();
  });

  it("records from the webcam: preview, record, stop, then uploads the recording", async () => {
    const stopped: string[] = [];
    const stream = { getTracks: () => [{ stop: () => stopped.push("track") }] };
    const asked: unknown[] = [];
    Object.defineProperty(navigator, "mediaDevices", {
      value: { getUserMedia: async (c: unknown) => { asked.push(c); return stream; } }, configurable: true,
    });
    HTMLMediaElement.prototype.play = async () => undefined;
    class FakeRecorder {
      static isTypeSupported = (t: string) => t === "video/webm";
      state = "inactive";
      mimeType = "video/webm";
      ondataavailable: ((e: { data: Blob }) => void) | null = null;
      onstop: (() => void) | null = null;
      constructor(readonly stream: unknown, readonly options: unknown) {}
      start() { this.state = "recording"; }
      stop() { this.state = "inactive"; this.ondataavailable?.({ data: new Blob(["frames"]) }); this.onstop?.(); }
    }
    (globalThis as { MediaRecorder?: unknown }).MediaRecorder = FakeRecorder;
    try {
      const { container, rec } = mount(null, true, { sources: ["webcam"], include_audio: false, webcam_constraints: { width: 320 } });
      await act(async () => { await Promise.resolve(); });
      expect(asked).toEqual([{ video: { width: 320 }, audio: false }]);
      expect(container.querySelector('video[aria-label="Webcam preview"]')?.getAttribute("data-mirrored")).toBe("true");
      const record = container.querySelector<HTMLButtonElement>('[aria-label="Start recording"]')!;
      expect(record.disabled).toBe(false);
      act(() => record.click());
      await act(async () => { container.querySelector<HTMLButtonElement>('[aria-label="Stop recording"]')!.click(); });
      expect(rec.events.map(([e]) => e)).toEqual(["start_recording", "stop_recording", "upload"]);
      expect((rec.uploaded[0] as File).name).toBe("recording.webm");
      expect(rec.changes[0]![0]).toMatchObject({ video: { path: "/cache/up0/recording.webm" } });
      expect(stopped).toEqual([]);
      act(() => root!.unmount());
      root = null;
    } finally {
      delete (globalThis as { MediaRecorder?: unknown }).MediaRecorder;
      delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    }
    expect(stopped).toEqual(["track"]); // the camera is released with the view
  });

  it("says so when the browser cannot record", async () => {
    const { container } = mount(null, true, { sources: ["upload", "webcam"] });
    act(() => container.querySelector<HTMLButtonElement>('button[aria-pressed="false"]')!.click());
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("This browser cannot record video.");
  });
});

describe("VideoExample", () => {
  it("previews a stored video, and names a path", () => {
    const html = renderToStaticMarkup(<VideoExample value={value()} props={{ ...BASE }} fileUrl={(f) => `/f=${f.path}`} />);
    expect(html).toContain('src="/f=/cache/a/clip.mp4#t=0.1"');
    expect(html).toContain("muted");
    expect(renderToStaticMarkup(<VideoExample value={"videos/cat.mp4"} props={{ ...BASE }} fileUrl={() => ""} />)).toContain("cat.mp4");
  });
});
