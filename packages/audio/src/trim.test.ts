/**
 * The waveform and trim arithmetic on known buffers: peaks, pixel → time, regions, frames,
 * and a trim encoded as a 16-bit WAV (read back with wavefile, sample by sample).
 */
import { describe, expect, it } from "@jest/globals";
import wavefile from "wavefile";
import { formatTime, peaks, regionBetween, regionFrames, sliceChannels, timeAt, trimToWav } from "./trim.js";

/** A ramp: sample i is i / n (so every sample says where it is). */
const ramp = (n: number, scale = 1) => Float32Array.from({ length: n }, (_, i) => (i / n) * scale);

describe("peaks", () => {
  it("takes the largest absolute sample of each slice over all channels", () => {
    const left = Float32Array.from([0.1, -0.5, 0.2, 0.3, 0, 0, -0.9, 0.1]);
    const right = Float32Array.from([0, 0, 0.4, 0, 0.05, 0.7, 0, 0]);
    expect([...peaks([left, right], 4)].map((v) => Number(v.toFixed(3)))).toEqual([0.5, 0.4, 0.7, 0.9]);
    expect(peaks([left], 0)).toHaveLength(0);
    expect([...peaks([], 3)]).toEqual([0, 0, 0]);
  });

  it("covers every sample when there are more buckets than samples", () => {
    expect([...peaks([Float32Array.from([0.5, -1])], 4)]).toEqual([0.5, 0.5, 1, 1]);
  });
});

describe("time and regions", () => {
  it("turns a position into a time, clamped to the audio", () => {
    expect(timeAt(150, 600, 2)).toBe(0.5);
    expect(timeAt(-5, 600, 2)).toBe(0);
    expect(timeAt(700, 600, 2)).toBe(2);
    expect(timeAt(10, 0, 2)).toBe(0);
  });

  it("makes a region from two times in either order, none when too short", () => {
    expect(regionBetween(1.5, 0.5, 2)).toEqual({ start: 0.5, end: 1.5 });
    expect(regionBetween(-1, 3, 2)).toEqual({ start: 0, end: 2 });
    expect(regionBetween(1, 1.001, 2)).toBeNull();
  });

  it("gives a region's frames, clamped", () => {
    expect(regionFrames({ start: 0.5, end: 1.5 }, 8000, 16000)).toEqual({ from: 4000, to: 12000 });
    expect(regionFrames({ start: 1.5, end: 9 }, 8000, 16000)).toEqual({ from: 12000, to: 16000 });
  });
});

describe("trimming", () => {
  it("cuts every channel to the region", () => {
    const left = ramp(100);
    const right = ramp(100, -1);
    const [l, r] = sliceChannels([left, right], 100, { start: 0.25, end: 0.5 });
    expect(l).toHaveLength(25);
    expect(l![0]).toBeCloseTo(0.25, 6);
    expect(l![24]).toBeCloseTo(0.49, 6);
    expect(r![0]).toBeCloseTo(-0.25, 6);
  });

  it("encodes the cut as a 16-bit WAV with the region's samples", () => {
    const rate = 8000;
    const left = Float32Array.from({ length: 2 * rate }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate));
    const right = ramp(2 * rate, 0.8);
    const bytes = trimToWav([left, right], rate, { start: 0.5, end: 1.5 });
    const wav = new wavefile.WaveFile(bytes);
    const fmt = wav.fmt as { numChannels: number; sampleRate: number; bitsPerSample: number };
    expect([fmt.numChannels, fmt.sampleRate, fmt.bitsPerSample]).toEqual([2, rate, 16]);
    const samples = wav.getSamples(true, Int16Array) as unknown as Int16Array;
    expect(samples.length).toBe(2 * rate); // 1 s, two channels interleaved
    for (const k of [0, 1, 333, 7999]) {
      const expectedLeft = left[4000 + k]!;
      expect(samples[2 * k]).toBe(Math.round(expectedLeft < 0 ? expectedLeft * 32768 : expectedLeft * 32767));
      expect(samples[2 * k + 1]).toBe(Math.round(right[4000 + k]! * 32767));
    }
  });

  it("refuses an empty region or no audio", () => {
    expect(() => trimToWav([ramp(10)], 10, { start: 2, end: 3 })).toThrow(/holds no audio/);
    expect(() => trimToWav([], 10, { start: 0, end: 1 })).toThrow(/no audio to trim/);
  });

  it("formats times as m:ss.s", () => {
    expect(formatTime(0)).toBe("0:00.0");
    expect(formatTime(65.25)).toBe("1:05.3");
  });
});
