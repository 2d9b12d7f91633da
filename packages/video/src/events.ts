/**
 * The events a Video fires, as Gradio declares them. `play`, `pause`, `stop` and `end` come from
 * the player (`end` when it reaches the end, `stop` whenever playing stops: a pause or the end);
 * `start_recording` and `stop_recording` from the webcam; `upload` when a file or a finished
 * recording is uploaded; `clear` from the clear button; `change` and `input` when the value changes.
 */
export const videoEvents = [
  "change", "clear", "start_recording", "stop_recording", "stop", "play", "pause", "end", "upload", "input",
] as const;
/** One of the names in `videoEvents`, for typing listeners and event data. */
export type VideoEvent = (typeof videoEvents)[number];

/** The data its events carry (none beyond the value). */
export interface VideoEventData {}
