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
} from "./process.js";
export { decodeWav, encodeWav, encodeMp3, sniffAudio, MP3_SAMPLE_RATES } from "./codec.js";
export { audioEvents, type AudioEvent, type AudioEventData } from "./events.js";
