/**
 * The events a ParamViewer declares, as Gradio's: `change` (its value changed: a function set
 * it) and `upload`, which Gradio declares but never fires (nothing can be uploaded to it).
 */
export const paramViewerEvents = ["change", "upload"] as const;
/** One of the names in `paramViewerEvents`, for typing listeners and event data. */
export type ParamViewerEvent = (typeof paramViewerEvents)[number];
