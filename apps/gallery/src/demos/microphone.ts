import * as vt from "vitrine";
import { sleep } from "./sleep.js";

/** Root mean square level of audio samples, in dBFS (16-bit integers or floats in −1…1). */
export function levelDb(audio: vt.AudioArray): number {
  const scale = audio.data instanceof Int16Array ? 32768 : 1;
  let sum = 0;
  for (const s of audio.data) sum += (s / scale) ** 2;
  const rms = Math.sqrt(sum / Math.max(1, audio.data.length));
  return rms > 0 ? 20 * Math.log10(rms) : -Infinity;
}

/** One chunk of a sine tone: `seconds` long at `frequency` Hz, 16-bit mono at 22050 Hz. */
export function tone(frequency: number, seconds: number, sampleRate = 22050): vt.AudioArray {
  const n = Math.round(seconds * sampleRate);
  const data = new Int16Array(n);
  for (let i = 0; i < n; i++) data[i] = Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 12000);
  return { sample_rate: sampleRate, channels: 1, data };
}

/**
 * The microphone: streamed in chunks to a function that shows each chunk's level and the total
 * duration heard; a recording (not streamed) whose duration and level a function reports; and a
 * generator streaming a rising tone out, chunk by chunk, played as one track.
 */
export function microphone(options: { chunkSeconds?: number; chunks?: number } = {}) {
  return vt.Blocks({ title: "Microphone" }, () => {
    vt.Markdown("# Microphone\nStream the microphone into a level meter, record a clip, or stream a tone out.");
    vt.Row(() => {
      const mic = vt.Audio({ label: "Live microphone", sources: "microphone", streaming: true });
      const level = vt.Textbox({ label: "Level" });
      const heard = vt.State({ value: 0 });
      mic.stream({
        fn: (chunk: vt.AudioArray | null, total: number) => {
          if (!chunk) return ["no audio yet", total] as const;
          const seconds = chunk.data.length / chunk.channels / chunk.sample_rate;
          const sum = total + seconds;
          return [`${levelDb(chunk).toFixed(1)} dBFS, heard ${sum.toFixed(1)} s`, sum] as const;
        },
        inputs: [mic, heard],
        outputs: [level, heard],
        stream_every: 0.5,
        time_limit: 30,
        concurrency_limit: null,
        show_progress: "hidden",
        api_name: "level",
      });
    });
    vt.Row(() => {
      const clip = vt.Audio({ label: "Recording", sources: ["microphone", "upload"] });
      const about = vt.Textbox({ label: "About the recording" });
      clip.change({
        fn: (audio: vt.AudioArray | null) => {
          if (!audio) return "";
          const seconds = audio.data.length / audio.channels / audio.sample_rate;
          return `${seconds.toFixed(2)} s at ${audio.sample_rate} Hz, ${levelDb(audio).toFixed(1)} dBFS`;
        },
        inputs: [clip],
        outputs: [about],
        api_name: "about",
      });
    });
    vt.Row(() => {
      const play = vt.Button("Stream a tone");
      const out = vt.Audio({ label: "Tone", streaming: true, autoplay: true });
      const chunkSeconds = options.chunkSeconds ?? 0.5;
      const chunks = options.chunks ?? 6;
      play.click({
        fn: async function* (_ctx: unknown) {
          for (let i = 0; i < chunks; i++) {
            yield tone(330 * 2 ** (i / 12), chunkSeconds + i * 0.01);
            await sleep(50);
          }
        },
        outputs: [out],
        api_name: "tone",
      });
    });
  });
}
