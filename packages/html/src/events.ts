/** The events an HTML component fires, as Gradio declares them. */
export const htmlEvents = ["change", "click"] as const;
export type HtmlEvent = (typeof htmlEvents)[number];

/** The data its events carry: none. */
export interface HtmlEventData {}
