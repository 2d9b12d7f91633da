// Bundles a component package's browser entry (src/ui.tsx) into dist/ui.js: one ES module
// whose default export is the view. React stays external: the page maps "react" and
// "react/jsx-runtime" to its own copy through an import map, so every view shares one React.
import { build } from "esbuild";
import { existsSync } from "node:fs";

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
  sourcemap: true,
  external: ["react", "react/jsx-runtime", "react-dom", "react-dom/client"],
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
