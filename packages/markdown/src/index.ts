export { Markdown, MarkdownComponent, cleandoc, type MarkdownProps, type LatexDelimiter, type MarkdownButton } from "./process.js";
export { markdownEvents, type MarkdownEvent, type MarkdownEventData } from "./events.js";
export { markdownAssetsFolder } from "./assets.js";
