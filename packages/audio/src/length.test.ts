/**
 * `min_length`, `max_length`, `editable` and `waveform_options` on the server side: lengths are
 * measured on real WAV files (written by wavefile here) for both `type`s, refused with a clear
 * message outside the limits, and the options reach the view's props with Gradio's defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import wavefile from "wavefile";
import { VitrineError, type FileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Audio, WaveformOptions } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

/** A WAV of `seconds` of a 440 Hz sine, `channels` channels at `rate`, written by wavefile. */
async function clip(seconds: number, channels = 1, rate = 8000): Promise<FileData> {
  const frames = Math.round(seconds * rate);
  const samples: number[] = [];
  for (let f = 0; f < frames; f++) for (let c = 0; c < channels; c++) samples.push(Math.round(8000 * Math.sin((2 * Math.PI * 440 * f) / rate)));
  const w = new wavefile.WaveFile();
  w.fromScratch(channels, rate, "16", samples);
  return ctx.files!.save(w.toBuffer(), { name: "clip.wav" });
}

describe("min_length and max_length", () => {
  it("accept audio within the limits, as an array and as a path", async () => {
    const input = await clip(1.5, 2);
    const array = await Audio({ min_length: 1, max_length: 2 }).preprocess(input, ctx);
    expect(array.data.length / array.channels / array.sample_rate).toBeCloseTo(1.5, 5);
    await expect(Audio({ type: "filepath", min_length: 1, max_length: 2 }).preprocess(input, ctx)).resolves.toBe(input.path);
    // exactly at a limit is within it
    await expect(Audio({ min_length: 1.5 }).preprocess(input, ctx)).resolves.toBeTruthy();
    await expect(Audio({ max_length: 1.5 }).preprocess(input, ctx)).resolves.toBeTruthy();
  });

  it("refuse audio shorter than min_length with a message for the user", async () => {
    const input = await clip(0.4);
    for (const audio of [Audio({ min_length: 1 }), Audio({ type: "filepath", min_length: 1 })]) {
      const error = await audio.preprocess(input, ctx).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(VitrineError);
      expect((error as Error).message).toBe("Audio is too short (0.4 s): it must be at least 1 s long.");
    }
  });

  it("refuse audio longer than max_length, stereo measured in frames", async () => {
    const input = await clip(2.5, 2, 16000);
    const error = await Audio({ max_length: 2 }).preprocess(input, ctx).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(VitrineError);
    expect((error as Error).message).toBe("Audio is too long (2.5 s): it must be at most 2 s long.");
  });

  it("let a non-WAV file through as a path (its length would need ffmpeg), and null through", async () => {
    const ogg = await ctx.files!.save(new Uint8Array([...Buffer.from("OggS"), ...new Uint8Array(60)]), { name: "a.ogg" });
    await expect(Audio({ type: "filepath", min_length: 1 }).preprocess(ogg, ctx)).resolves.toBe(ogg.path);
    await expect(Audio({ min_length: 1 }).preprocess(null, ctx)).resolves.toBeNull();
  });

  it("are checked when the component is made", () => {
    expect(() => Audio({ min_length: -1 })).toThrow(/min_length must be a number of seconds/);
    expect(() => Audio({ max_length: Number.NaN })).toThrow(/max_length must be a number of seconds/);
    expect(() => Audio({ min_length: 3, max_length: 2 })).toThrow(/min_length \(3\) is greater than max_length \(2\)/);
    expect(() => Audio({ waveform_options: { sample_rate: 100 } })).toThrow(/sample_rate must be a whole number of Hz/);
  });
});

describe("editable and waveform_options in the config", () => {
  it("fill Gradio's defaults", () => {
    const props = Audio().configProps();
    expect(props.editable).toBe(true);
    expect(props.min_length).toBeNull();
    expect(props.max_length).toBeNull();
    expect(props.waveform_options).toEqual({
      waveform_color: null, waveform_progress_color: null, trim_region_color: null,
      show_recording_waveform: true, show_controls: true, skip_length: 5, sample_rate: 44100,
    });
  });

  it("pass the user's options as given", () => {
    const props = Audio({
      editable: false, max_length: 10,
      waveform_options: WaveformOptions({ waveform_color: "#01ff02", trim_region_color: "rgb(1 2 3 / 50%)", show_recording_waveform: false, skip_length: 2, sample_rate: 16000 }),
    }).configProps();
    expect(props.editable).toBe(false);
    expect(props.max_length).toBe(10);
    expect(props.waveform_options).toMatchObject({ waveform_color: "#01ff02", trim_region_color: "rgb(1 2 3 / 50%)", show_recording_waveform: false, skip_length: 2, sample_rate: 16000 });
  });
});
