export { Markdown, MarkdownComponent, cleandoc, type MarkdownProps } from "./process.js";
export { markdownEvents, type MarkdownEvent } from "./events.js";
