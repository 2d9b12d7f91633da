/**
 * The events an Audio fires. `play`, `pause` and `stop` (the end of the track) come from the
 * player; `start_recording`, `pause_recording` and `stop_recording` from the microphone;
 * `upload` when a file (or a finished recording) is uploaded; `clear` from the clear button.
 * `stream` fires with each WAV chunk while a streaming microphone records (`streaming: true`).
 */
export const audioEvents = [
  "stream", "change", "clear", "play", "pause", "stop",
  "start_recording", "pause_recording", "stop_recording", "upload", "input",
] as const;
/** One of the names in `audioEvents`, for typing listeners and event data. */
export type AudioEvent = (typeof audioEvents)[number];

/** The data its events carry (none beyond the value). */
export interface AudioEventData {}
