/**
 * @jest-environment jsdom
 */
/**
 * The streaming Video output's player in jsdom, with a stand-in MediaSource that records what
 * the player appends (chromium plays the real thing in tests/integration/test/browser-stream-media.test.ts):
 * segments are appended in arrival order, in "sequence" mode; the joined file ends the stream and
 * is offered for download; without MediaSource, each segment plays in turn.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type ViewProps } from "@vitrine/core";
import { VideoView, type VideoValue, type VideoViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What the stand-in MediaSource saw. */
let seen: { types: string[]; modes: string[]; appended: number[]; ended: number; played: number };

class FakeSourceBuffer extends EventTarget {
  mode = "segments";
  appendBuffer(bytes: ArrayBuffer) {
    seen.modes.push(this.mode);
    seen.appended.push(new Uint8Array(bytes)[0]!);
    setTimeout(() => this.dispatchEvent(new Event("updateend")), 5);
  }
}

class FakeMediaSource extends EventTarget {
  readyState = "closed";
  static isTypeSupported(type: string) {
    return type.startsWith("video/mp4");
  }
  addSourceBuffer(type: string) {
    seen.types.push(type);
    return new FakeSourceBuffer();
  }
  endOfStream() {
    seen.ended++;
    this.readyState = "ended";
  }
}

let root: Root | null = null;
beforeEach(() => {
  seen = { types: [], modes: [], appended: [], ended: 0, played: 0 };
  // jsdom plays nothing: autoplay's play() is counted.
  HTMLMediaElement.prototype.play = async function () {
    seen.played++;
  };
  (globalThis as { MediaSource?: unknown }).MediaSource = FakeMediaSource;
  // Opening the object URL of a MediaSource opens it.
  URL.createObjectURL = ((media: FakeMediaSource) => {
    setTimeout(() => {
      media.readyState = "open";
      media.dispatchEvent(new Event("sourceopen"));
    }, 1);
    return "blob:media";
  }) as never;
  URL.revokeObjectURL = () => undefined;
  // Segment n (its URL ends in n.mp4) is the byte n; the later ones answer first.
  (globalThis as { fetch?: unknown }).fetch = async (url: string) => {
    const n = Number(/(\d+)\.mp4$/.exec(url)![1]);
    await new Promise((r) => setTimeout(r, 30 - n * 5));
    return { ok: true, status: 200, arrayBuffer: async () => new Uint8Array([n]).buffer };
  };
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
  delete (globalThis as { MediaSource?: unknown }).MediaSource;
});

function render(value: VideoValue | null) {
  const view: ViewProps<VideoValue | null, VideoViewProps> = {
    id: 1, value, interactive: false, status: { stage: "idle" },
    props: { sources: ["upload"], autoplay: true, loop: false, show_download_button: null, include_audio: true, mirror_webcam: true,
      webcam_constraints: null, height: null, width: null, streaming: true, label: "Clips" },
    onChange: () => undefined,
    dispatch: () => undefined,
    upload: async () => [],
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  if (!root) {
    const container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
  }
  act(() => root!.render(<VideoView {...view} />));
}

const wait = (ms: number) => act(async () => { await new Promise((r) => setTimeout(r, ms)); });
const segment = (n: number) => ({ video: fileData(`/cache/chunk-${n}.mp4`, { orig_name: `chunk-${n}.mp4` }), subtitles: null });

describe("a streaming Video output", () => {
  it("appends every segment to one MediaSource buffer in arrival order, in sequence mode; the joined file ends it and is offered for download", async () => {
    for (const n of [3, 1, 2]) {
      render(segment(n));
      await wait(1);
    }
    await wait(200);
    expect(seen.types).toEqual(['video/mp4; codecs="avc1.42C028"']);
    expect(seen.appended).toEqual([3, 1, 2]);
    expect(seen.modes).toEqual(["sequence", "sequence", "sequence"]);
    // autoplay: playback starts once the first segment is in.
    expect(seen.played).toBeGreaterThanOrEqual(1);
    expect(document.querySelector('[role="alert"]')).toBeNull();
    const player = document.querySelector(".vt-video-stream")!;
    expect(player.getAttribute("data-segments")).toBe("3");
    expect(player.querySelector("video")!.getAttribute("src")).toBe("blob:media");
    expect(player.querySelector('a[aria-label="Download Clips"]')).toBeNull();
    render({ video: fileData("/cache/joined.mp4", { orig_name: "video-stream.mp4" }), subtitles: null });
    await wait(50);
    expect(seen.ended).toBe(1);
    expect(seen.appended).toEqual([3, 1, 2]);
    const link = player.querySelector('a[aria-label="Download Clips"]')!;
    expect(link.getAttribute("href")).toBe("/gradio_api/file=/cache/joined.mp4");
    expect(player.getAttribute("data-ended")).toBe("true");
  });

  it("without MediaSource, plays each segment in turn", async () => {
    delete (globalThis as { MediaSource?: unknown }).MediaSource;
    render(segment(1));
    await wait(5);
    expect(document.querySelector(".vt-video-stream video")!.getAttribute("src")).toBe("/gradio_api/file=/cache/chunk-1.mp4");
    render(segment(2));
    await wait(5);
    expect(document.querySelector(".vt-video-stream video")!.getAttribute("src")).toBe("/gradio_api/file=/cache/chunk-2.mp4");
  });
});
