/** The events a Markdown fires. */
export const markdownEvents = ["change"] as const;
export type MarkdownEvent = (typeof markdownEvents)[number];
