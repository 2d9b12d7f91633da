/** The events a Model3D fires, as Gradio's: `change`, `upload`, `edit`, `clear`. None carries data. */
export const model3dEvents = ["change", "upload", "edit", "clear"] as const;
/** One of the names in `model3dEvents`, for typing listeners and event data. */
export type Model3DEvent = (typeof model3dEvents)[number];

/** The data its events carry: none. */
export type Model3DEventData = {};
