// Bundles the code highlighter (src/highlight.ts with highlight.js) on its own, to
// dist/markdown/highlight.js, which the view loads by URL the first time a Markdown holds a
// fenced code block with a language. Built apart from the view (not as one of build-ui's
// split chunks) because highlight.js is CommonJS: esbuild would otherwise move its interop
// helpers into a chunk that every page with a Markdown has to load.
// Run after tools/build-ui.mjs, which clears dist/markdown/.
import { build } from "esbuild";
import { precompress } from "../../../tools/precompress.mjs";

const out = "dist/markdown/highlight.js";
await build({
  entryPoints: ["src/highlight.ts"],
  outfile: out,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: "external",
  logLevel: "warning",
});
await Promise.all([out, `${out}.map`].map(precompress));
