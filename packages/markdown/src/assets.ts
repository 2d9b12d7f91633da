import { fileURLToPath } from "node:url";

/**
 * The folder of the Markdown view's lazily loaded files (KaTeX's stylesheet and fonts, the code
 * highlighter), which the page serves at `components/markdown/`. A component whose view renders
 * Markdown with this package (a Chatbot's messages, a Dataframe's "markdown" cells) declares it
 * in its `ui.assets` as `{ markdown: markdownAssetsFolder() }`, so that the page serves it even
 * without a Markdown component.
 */
export function markdownAssetsFolder(): string {
  return fileURLToPath(new URL("../dist/markdown", import.meta.url));
}
