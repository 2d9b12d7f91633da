/** The events a Code block fires, as Gradio declares them. None carries data. */
export const codeEvents = ["change", "input", "focus", "blur"] as const;
/** One of the names in `codeEvents`, for typing listeners and event data. */
export type CodeEvent = (typeof codeEvents)[number];

/** The data its events carry: none. */
export interface CodeEventData {}
