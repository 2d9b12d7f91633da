// Bundles a component package's browser entry (src/ui.tsx) into dist/ui.js: one ES module
// whose default export is the view. React stays external: the page maps "react" and
// "react/jsx-runtime" to its own copy through an import map, so every view shares one React.
// Then it writes brotli (.br, quality 11) and gzip (.gz, level 9) siblings of dist/ui.js and
// its map, which @vitrine/server sends as they are to browsers that accept them (a sibling is
// written only for files of 1 kB or more, when it saves at least 10 %).
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

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

const compressors = {
  ".br": (data) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ".gz": (data) => promisify(gzip)(data, { level: 9 }),
};

/** Writes `file.br` and `file.gz`, or removes them when not worth it. */
async function precompress(file) {
  const data = await readFile(file);
  await Promise.all(
    Object.entries(compressors).map(async ([suffix, compress]) => {
      const out = data.length >= 1024 ? await compress(data) : null;
      if (out && out.length <= data.length * 0.9) await writeFile(file + suffix, out);
      else await rm(file + suffix, { force: true });
    }),
  );
}

await Promise.all(["dist/ui.js", "dist/ui.js.map"].filter((f) => existsSync(f)).map(precompress));
