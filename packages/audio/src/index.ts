export {
  Audio,
  AudioComponent,
  Microphone,
  type AudioArray,
  type AudioFormat,
  type AudioInput,
  type AudioOutput,
  type AudioProps,
  type AudioSource,
  type AudioType,
  WaveformOptions,
} from "./process.js";
export { decodeWav, encodeWav, encodeMp3, sniffAudio, MP3_SAMPLE_RATES } from "./codec.js";
export { combineAudioChunks, joinAudio, COMBINED_AUDIO_NAME } from "./combine.js";
export { audioEvents, type AudioEvent, type AudioEventData } from "./events.js";
