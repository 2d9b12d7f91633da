// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import { Audio, WaveformOptions, type AudioArray } from "./index.js";

Blocks(() => {
  const array = Audio();
  const path = Audio({ type: "filepath" });
  array.change({ fn: (a: AudioArray) => ({ ...a, data: a.data.map((v) => -v) }), inputs: [array], outputs: [array] });
  path.change({ fn: (file: string) => file, inputs: [path], outputs: [path] });
  // @ts-expect-error a filepath Audio gives a string, not an array
  path.change({ fn: (a: AudioArray) => a, inputs: [path], outputs: [array] });
  path.change({ fn: () => new Uint8Array(0), inputs: [], outputs: [array] });
  path.change({ fn: () => [16000, new Float32Array(16000)] as const, inputs: [], outputs: [array] });
  // @ts-expect-error a number is not audio
  path.change({ fn: () => 42, inputs: [], outputs: [array] });
});

Audio({ editable: false, min_length: 1, max_length: 30, waveform_options: { waveform_color: "#888", skip_length: 2, sample_rate: 16000 } });
Audio({ waveform_options: WaveformOptions({ show_recording_waveform: false, show_controls: false }) });
// @ts-expect-error waveform colours are CSS colour strings
Audio({ waveform_options: { waveform_color: 0x888888 } });
// @ts-expect-error lengths are numbers of seconds
Audio({ max_length: "30 s" });
