import type { SelectData } from "@vitrine/core";

/**
 * The events an ImageEditor fires, as Gradio 5 declares them: `change` and `input` when the
 * user finishes an edit (a stroke, an undo, a crop…), `upload` when a background image is
 * uploaded, `clear`, `select` (on the static view), and `apply` when the user presses Apply.
 */
export const imageEditorEvents = ["clear", "change", "input", "select", "upload", "apply"] as const;
/** One of the names in `imageEditorEvents`, for typing listeners and event data. */
export type ImageEditorEvent = (typeof imageEditorEvents)[number];

/**
 * The data its events carry: `select` gives the clicked pixel of the composite as
 * `index: [x, y]` (in the image's natural size) and `value: null`.
 */
export interface ImageEditorEventData {
  /** A pixel of the composite was clicked. */
  select: SelectData;
}
