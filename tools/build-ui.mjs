// Bundles a component package's browser entry (src/ui.tsx) into dist/ui.js: one ES module
// whose default export is the view. React stays external: the page maps "react" and
// "react/jsx-runtime" to its own copy through an import map, so every view shares one React.
// Then it writes brotli and gzip siblings of dist/ui.js and its map (tools/precompress.mjs).
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { precompress } from "./precompress.mjs";

const entry = ["src/ui.tsx", "src/ui.ts"].find((f) => existsSync(f));
if (!entry) throw new Error("build-ui: no src/ui.tsx in " + process.cwd());

await build({
  entryPoints: [entry],
  outfile: "dist/ui.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  jsx: "automatic",
  minify: true,
  // The map is written beside the view without a sourceMappingURL comment: the page serves each
  // view at components/<type>.js, where a relative "ui.js.map" would not resolve.
  sourcemap: "external",
  external: ["react", "react/jsx-runtime", "react-dom", "react-dom/client"],
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});

await Promise.all(["dist/ui.js", "dist/ui.js.map"].filter((f) => existsSync(f)).map(precompress));
