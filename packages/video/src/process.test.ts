import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Blocks, isFileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Video, PlayableVideo, ffmpegPath, mediaDuration, probeMedia, runFfmpeg, srtToVtt, type VideoData } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
/** Test clips, made once with lavfi sources. */
const clip: Record<string, string> = {};

/** Runs ffmpeg quietly to make a test file. */
async function make(name: string, args: string[]): Promise<string> {
  const path = join(store.dir, name);
  await runFfmpeg(["-loglevel", "error", ...args, "-y", path]);
  return path;
}

const TESTSRC = ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1"];
const SINE = ["-f", "lavfi", "-i", "sine=frequency=440:duration=1"];
/** White on the left half, black on the right: flipping it is visible in one pixel. */
const HALVES = ["-f", "lavfi", "-i", "color=white:size=64x48:rate=10:duration=1,drawbox=x=32:y=0:w=32:h=48:color=black:t=fill"];

beforeAll(async () => {
  store = new TempFileStore();
  ctx = store.context;
  clip.mp4 = await make("clip.mp4", [...TESTSRC, ...SINE, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);
  clip.avi = await make("clip.avi", [...TESTSRC, ...SINE, "-c:v", "mpeg4", "-c:a", "mp3", "-shortest"]);
  clip.mkv = await make("clip.mkv", [...TESTSRC, "-c:v", "libx264", "-pix_fmt", "yuv420p"]);
  clip.mpeg4mp4 = await make("mpeg4.mp4", [...TESTSRC, "-c:v", "mpeg4"]);
  clip.halves = await make("halves.mp4", [...HALVES, "-c:v", "libx264", "-pix_fmt", "yuv420p"]);
  clip.black = await make("black.mp4", ["-f", "lavfi", "-i", "color=black:size=64x48:rate=10:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p"]);
  clip.red = await make("red.png", ["-f", "lavfi", "-i", "color=red:size=16x16", "-frames:v", "1"]);
});
afterAll(() => store.dispose());

/** Copies a clip into the store, as an upload would. */
async function upload(path: string, name = basename(path)): Promise<VideoData> {
  return { video: await store.save(await readFile(path), { name }), subtitles: null };
}

/** The gray level (0-255) of pixel (x, y) in a video's first frame. */
async function grayAt(path: string, x: number, y: number): Promise<number> {
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn(ffmpegPath(), ["-v", "error", "-i", path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"]);
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`ffmpeg exit ${code}`))));
  });
  const info = await probeMedia(path);
  return raw[y * info.width! + x]!;
}

/** Folders the conversions leave in the OS temp dir. */
async function strayTempDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => /^vitrine-video-(?!test-)/.test(n));
}

describe("ffmpeg helpers", () => {
  it("reads container, codecs, size and duration from ffmpeg -i", async () => {
    const info = await probeMedia(clip.mp4!);
    expect(info).toMatchObject({ videoCodec: "h264", audioCodec: "aac", width: 64, height: 48 });
    expect(info.container).toMatch(/mp4/);
    expect(info.duration).toBeCloseTo(1, 0);
    expect((await probeMedia(clip.avi!)).videoCodec).toBe("mpeg4");
  });

  it("measures a webm without a duration in its header (as MediaRecorder writes it) by decoding it", async () => {
    const path = join(store.dir, "stream.webm");
    const child = spawn(ffmpegPath(), ["-v", "error", ...TESTSRC, "-c:v", "libvpx", "-deadline", "realtime", "-f", "webm", "pipe:1"]);
    const exited = new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exit ${code}`))));
    });
    await Promise.all([pipeline(child.stdout, createWriteStream(path)), exited]);
    const info = await probeMedia(path);
    expect(info.duration).toBeNull();
    expect(await mediaDuration(path, info)).toBeGreaterThan(0.8);
  });

  it("converts SRT to WebVTT", () => {
    const srt = "1\r\n00:00:00,000 --> 00:00:00,500\r\nHello\r\n\r\n2\r\n00:00:00,500 --> 00:00:01,000\r\nTwo\r\nlines\r\n";
    expect(srtToVtt(srt)).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:00.500\nHello\n\n00:00:00.500 --> 00:00:01.000\nTwo\nlines\n");
    expect(() => srtToVtt("not subtitles")).toThrow(/no SRT cue/);
  });
});

describe("Video postprocess", () => {
  it("converts an avi (mpeg4) to a playable mp4: h264 + aac, moov before mdat", async () => {
    const out = (await Video().postprocess(clip.avi!, ctx))!;
    expect(out.video).toMatchObject({ orig_name: "clip.mp4", mime_type: "video/mp4" });
    expect(out.video.path.endsWith(".mp4")).toBe(true);
    const info = await probeMedia(out.video.path);
    expect(info).toMatchObject({ videoCodec: "h264", audioCodec: "aac" });
    expect(info.duration).toBeCloseTo(1, 0);
    const bytes = Buffer.from(await readFile(out.video.path));
    expect(bytes.indexOf("moov")).toBeGreaterThan(0);
    expect(bytes.indexOf("moov")).toBeLessThan(bytes.indexOf("mdat"));
    expect(out.subtitles).toBeNull();
  });

  it("passes a playable mp4 through with the same bytes", async () => {
    const out = (await Video().postprocess(clip.mp4!, ctx))!;
    expect(Buffer.compare(await readFile(out.video.path), await readFile(clip.mp4!))).toBe(0);
    expect(out.video.orig_name).toBe("clip.mp4");
    const given = (await upload(clip.mp4!)).video;
    expect((await Video().postprocess(given, ctx))!.video).toBe(given);
  });

  it("remuxes h264 in mkv to mp4, and re-encodes mpeg4 in mp4 to h264", async () => {
    const mkv = (await Video().postprocess(clip.mkv!, ctx))!;
    expect(mkv.video.path.endsWith(".mp4")).toBe(true);
    expect((await probeMedia(mkv.video.path)).videoCodec).toBe("h264");
    const mp4 = (await Video().postprocess(clip.mpeg4mp4!, ctx))!;
    expect((await probeMedia(mp4.video.path)).videoCodec).toBe("h264");
  });

  it("converts to format when set (PlayableVideo is format mp4), and keeps a file already in it", async () => {
    const webm = (await Video({ format: "webm" }).postprocess(clip.mp4!, ctx))!;
    expect(webm.video).toMatchObject({ mime_type: "video/webm" });
    expect(await probeMedia(webm.video.path)).toMatchObject({ videoCodec: "vp8", audioCodec: "opus" });
    const avi = (await Video({ format: "avi" }).postprocess(clip.avi!, ctx))!;
    expect(Buffer.compare(await readFile(avi.video.path), await readFile(clip.avi!))).toBe(0);
    const playable = (await PlayableVideo().postprocess(clip.avi!, ctx))!;
    expect((await probeMedia(playable.video.path)).videoCodec).toBe("h264");
  });

  it("serves subtitles as WebVTT: .srt converted, .vtt kept", async () => {
    const srt = join(store.dir, "subs.srt");
    await writeFile(srt, "1\n00:00:00,000 --> 00:00:01,000\nHello, video\n");
    const out = (await Video().postprocess([clip.mp4!, srt], ctx))!;
    expect(out.subtitles).toMatchObject({ orig_name: "subs.vtt", mime_type: "text/vtt" });
    expect(await readFile(out.subtitles!.path, "utf8")).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello, video\n");
    const vtt = join(store.dir, "subs.vtt");
    await writeFile(vtt, "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n");
    const kept = (await Video().postprocess([clip.mp4!, vtt], ctx))!;
    expect(await readFile(kept.subtitles!.path, "utf8")).toBe("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n");
    expect((await Video().postprocess([clip.mp4!, null], ctx))!.subtitles).toBeNull();
    const txt = join(store.dir, "subs.txt");
    await writeFile(txt, "hello");
    await expect(Video().postprocess([clip.mp4!, txt], ctx)).rejects.toThrow(/subtitles must be an \.srt or \.vtt file, got "subs.txt"/);
    const fake = join(store.dir, "fake.vtt");
    await writeFile(fake, "hello");
    await expect(Video().postprocess([clip.mp4!, fake], ctx)).rejects.toThrow(/are not WebVTT/);
  });

  it("lays the watermark over returned videos", async () => {
    const out = (await Video({ watermark: { watermark: clip.red!, position: "top-left" } }).postprocess(clip.black!, ctx))!;
    expect(out.video.orig_name).toBe("black_watermarked.mp4");
    expect(await grayAt(out.video.path, 10, 10)).toBeGreaterThan(40); // red, in gray
    expect(await grayAt(out.video.path, 50, 40)).toBeLessThan(20); // still black
    const corner = (await Video({ watermark: clip.red! }).postprocess(clip.black!, ctx))!;
    expect(await grayAt(corner.video.path, 50, 36)).toBeGreaterThan(40);
    expect(await grayAt(corner.video.path, 10, 10)).toBeLessThan(20);
  });

  it("passes URLs through, and null", async () => {
    const url = "https://example.com/media/clip.mp4";
    const out = (await Video().postprocess(url, ctx))!;
    expect(out.video).toMatchObject({ path: url, url, orig_name: "clip.mp4", mime_type: "video/mp4" });
    expect(await Video().postprocess(null, ctx)).toBeNull();
    expect(await Video().postprocess([null, null] as never, ctx)).toBeNull();
  });

  it("gives a clear error for a broken file, and leaves no temp file when a conversion fails", async () => {
    const broken = join(store.dir, "broken.mp4");
    await writeFile(broken, "this is not a video");
    await expect(Video().postprocess(broken, ctx)).rejects.toThrow(/"broken.mp4" is not a video this app can read \(ffmpeg cannot read it: .*Invalid data/);
    const before = await strayTempDirs();
    const missing = Video({ watermark: join(store.dir, "missing.png") });
    await expect(missing.postprocess(clip.mp4!, ctx)).rejects.toThrow(/could not convert "clip.mp4" to mp4: ffmpeg failed .*missing\.png/);
    expect(await strayTempDirs()).toEqual(before);
    await expect(Video().postprocess(42 as never, ctx)).rejects.toThrow(/return a path, a URL/);
  });
});

describe("Video preprocess", () => {
  it("gives the uploaded video's path", async () => {
    const data = await upload(clip.mp4!);
    expect(await Video().preprocess(data, ctx)).toBe(data.video.path);
    expect(await Video().preprocess(data.video, ctx)).toBe(data.video.path);
    expect(await Video().preprocess(null, ctx)).toBeNull();
  });

  it("converts the upload to format", async () => {
    const path = await Video({ format: "mp4" }).preprocess(await upload(clip.avi!), ctx);
    expect(path.endsWith("clip.mp4")).toBe(true);
    expect(await probeMedia(path)).toMatchObject({ videoCodec: "h264", audioCodec: "aac" });
  });

  it("refuses videos outside min_length and max_length with a clear message", async () => {
    const data = await upload(clip.mp4!);
    await expect(Video({ min_length: 2 }).preprocess(data, ctx)).rejects.toThrow(/^Video is too short \(1(\.\d+)? s\): it must be at least 2 s long$/);
    await expect(Video({ max_length: 0.5 }).preprocess(data, ctx)).rejects.toThrow(/^Video is too long \(1(\.\d+)? s\): it must be at most 0.5 s long$/);
    await expect(Video({ min_length: 0.5, max_length: 2 }).preprocess(data, ctx)).resolves.toBe(data.video.path);
    await expect(Video({ min_length: 2 }).preprocess(data, ctx)).rejects.toMatchObject({ name: "VitrineError" });
  });

  it("refuses a file that is not a video with a clear error", async () => {
    const data = { video: await store.save(new TextEncoder().encode("hello"), { name: "notes.mp4" }) };
    await expect(Video().preprocess(data, ctx)).rejects.toThrow(/"notes.mp4" is not a video this app can read/);
    await expect(Video().preprocess({ path: "x" } as never, ctx)).rejects.toThrow(/expects a VideoData/);
  });

  it("refuses a playlist that would make ffmpeg open other files (hls, concat)", async () => {
    const inner = await upload(clip.mp4!);
    const m3u8 = `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n${inner.video.path}\n#EXT-X-ENDLIST\n`;
    const playlist = { video: await store.save(new TextEncoder().encode(m3u8), { name: "list.m3u8" }) };
    await expect(Video().preprocess(playlist, ctx)).rejects.toThrow(/"list.m3u8" is not a video this app can read \(.*not on whitelist/);
    const concat = { video: await store.save(new TextEncoder().encode(`ffconcat version 1.0\nfile '${inner.video.path}'\n`), { name: "list.mp4" }) };
    await expect(Video({ format: "webm" }).preprocess(concat, ctx)).rejects.toThrow(/"list.mp4" is not a video this app can read/);
  });

  it("drops the sound without include_audio, and flips webcam-only recordings when mirrored", async () => {
    const muted = await Video({ include_audio: false }).preprocess(await upload(clip.mp4!), ctx);
    expect(basename(muted)).toMatch(/muted_clip\.mp4$/);
    expect(await probeMedia(muted)).toMatchObject({ videoCodec: "h264", audioCodec: null });
    const halves = await upload(clip.halves!);
    expect(await grayAt(halves.video.path, 4, 24)).toBeGreaterThan(200);
    const flipped = await Video({ sources: ["webcam"] }).preprocess(halves, ctx);
    expect(basename(flipped)).toMatch(/halves_flip\.mp4$/);
    expect(await grayAt(flipped, 4, 24)).toBeLessThan(50);
    expect(await Video({ sources: ["webcam"], mirror_webcam: false }).preprocess(halves, ctx)).toBe(halves.video.path);
  });
});

describe("Video config", () => {
  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      Video({ label: "Clip", sources: "upload", height: 240, loop: true, watermark: "/secret/logo.png", webcam_constraints: { width: 320 } });
    });
    const [config] = app.config().components.filter((c) => c.type === "video");
    const props = (config as { props: Record<string, unknown> }).props;
    expect(props).toMatchObject({
      label: "Clip", sources: ["upload"], height: 240, loop: true, autoplay: false, include_audio: true, mirror_webcam: true,
      webcam_constraints: { width: 320 }, show_share_button: false, show_download_button: null, value: null, name: "video",
    });
    expect(JSON.stringify(config)).not.toContain("/secret/logo.png");
    expect(config).toMatchObject({ api_info: { title: "VideoData", type: "object", required: ["video"] } });
    expect(isFileData((config as { example_inputs: { video: unknown } }).example_inputs.video)).toBe(true);
  });

  it("declares its events as listener methods", () => {
    const video = Video();
    for (const event of ["change", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload", "input"] as const)
      expect(typeof video[event]).toBe("function");
  });

  it("validates its props", () => {
    expect(() => Video({ sources: ["microphone" as never] })).toThrow(/sources must be/);
    expect(() => Video({ format: "mp4; rm -rf" })).toThrow(/format must be a file extension/);
    expect(() => Video({ min_length: 3, max_length: 2 })).toThrow(/min_length \(3\) is more than max_length \(2\)/);
    expect(() => Video({ watermark: "logo.gif" })).toThrow(/watermark must be a .png, .jpg, .jpeg image/);
    expect(() => Video({ watermark: { watermark: "a.png", position: "middle" as never } })).toThrow(/position must be/);
  });

  it("ships a playable example video", async () => {
    const info = await probeMedia(Video().exampleInput().video.path);
    expect(info.videoCodec).toBe("h264");
    expect(info.duration).toBeGreaterThan(1);
  });
});
