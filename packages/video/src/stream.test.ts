/**
 * Streaming Video output: each yielded clip becomes a fragmented MP4 segment a MediaSource can
 * append (H.264 baseline, a `moov` with no samples, then `moof` fragments); the clips join into
 * one MP4 when the generator ends.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Blocks, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Video, mediaDuration, probeMedia, runFfmpeg, type VideoData } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

/** The top-level MP4 boxes of a file, in order. */
function boxes(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes);
  const out: string[] = [];
  for (let at = 0; at + 8 <= b.length; ) {
    const size = b.readUInt32BE(at);
    out.push(b.toString("ascii", at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return out;
}

describe("a streaming Video output", () => {
  it("turns each yielded clip (ts, with sound or not) into a fragmented MP4 segment, and joins the clips into one MP4 at the end", async () => {
    const a = join(store.dir, "a.ts");
    const b = join(store.dir, "b.mp4");
    await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=90x60:rate=30:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-y", a]);
    await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1.5", "-f", "lavfi", "-i", "sine=duration=1.5",
      "-c:v", "libx264", "-pix_fmt", "yuv420p", "-shortest", "-y", b]);
    let out = Video();
    const app = Blocks(() => {
      out = Video({ streaming: true });
    });
    expect((app.config().components.find((c) => c.type === "video") as { props: Record<string, unknown> }).props.streaming).toBe(true);
    const chunks = [(await out.postprocess(a, ctx))!, (await out.postprocess(b, ctx))!];
    for (const chunk of chunks) {
      expect(chunk.video.orig_name).toMatch(/^chunk-[0-9a-f]{8}\.mp4$/);
      expect(chunk.video.mime_type).toBe("video/mp4");
      const bytes = await readFile(chunk.video.path);
      // An init segment with no samples, then fragments: what MediaSource appends.
      const top = boxes(bytes);
      expect(top.slice(0, 2)).toEqual(["ftyp", "moov"]);
      expect(top).toContain("moof");
      const info = await probeMedia(chunk.video.path);
      expect(info.videoCodec).toBe("h264");
      // No sound in segments: every segment has the same single track.
      expect(info.audioCodec).toBeNull();
      expect(info.width! % 2).toBe(0);
    }
    const joined = (await out.combineStream(chunks, ctx)) as VideoData;
    expect(joined.video.orig_name).toBe("video-stream.mp4");
    const info = await probeMedia(joined.video.path);
    expect(info).toMatchObject({ videoCodec: "h264", width: 90, height: 60 });
    // Only one clip had sound: the joined file has none.
    expect(info.audioCodec).toBeNull();
    expect(await mediaDuration(joined.video.path, info)).toBeCloseTo(2.5, 0);
    expect(await out.combineStream([], ctx)).toBeNull();
  });

  it("keeps the clips' sound in the joined file when every clip has some", async () => {
    const c = join(store.dir, "c.mp4");
    await runFfmpeg(["-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-f", "lavfi", "-i", "sine=duration=1",
      "-c:v", "libx264", "-pix_fmt", "yuv420p", "-shortest", "-y", c]);
    const out = Video({ streaming: true });
    const chunks = [(await out.postprocess(c, ctx))!, (await out.postprocess(c, ctx))!];
    expect(chunks[0]!.video.path).not.toBe(chunks[1]!.video.path);
    const joined = (await out.combineStream(chunks, ctx)) as VideoData;
    const info = await probeMedia(joined.video.path);
    expect(info.audioCodec).toBe("aac");
    expect(await mediaDuration(joined.video.path, info)).toBeCloseTo(2, 0);
  });

  it("refuses a yield that is not a clip, with a clear message", async () => {
    const out = Video({ streaming: true });
    await expect(out.postprocess(42 as never, ctx)).rejects.toThrow(/a streaming output yields clips/);
    const text = join(store.dir, "not-a-video.txt");
    await writeFile(text, "hello");
    await expect(out.postprocess(text, ctx)).rejects.toThrow(/is not a video this app can read/);
  });
});
