/** The events a Textbox fires, with the data each carries. */
export const textboxEvents = ["change", "input", "submit", "focus", "blur", "select"] as const;
export type TextboxEvent = (typeof textboxEvents)[number];
