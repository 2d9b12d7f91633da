/**
 * `vitrine build-component`: builds the custom component package in a folder the way
 * Vitrine's own components are built (see tools/build-ui.mjs in the Vitrine repository):
 * the server side with the package's TypeScript (`tsc -p tsconfig.build.json` → `dist/`), and
 * the browser entry `src/ui.tsx` bundled by esbuild into one ES module, `dist/ui.js`, with React
 * left external (the page maps `react` to its own copy), plus its brotli and gzip siblings.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { build } from "esbuild";
import { CliError } from "./errors.js";

/** Modules the view leaves to the page (its import map gives every view the same React). */
export const VIEW_EXTERNALS = ["react", "react/jsx-runtime", "react-dom", "react-dom/client"];

/** Builds the component package in `dir`. */
export async function buildComponent(dir: string): Promise<void> {
  if (!existsSync(join(dir, "package.json"))) throw new CliError(`No package.json in ${dir}: run build-component in a component package's folder.`);
  const entry = ["src/ui.tsx", "src/ui.ts"].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!entry) throw new CliError(`No src/ui.tsx in ${dir}: a component package's browser entry exports its view as default.`);
  compileServerSide(dir);
  await bundleView(entry, join(dir, "dist"));
  console.log(`* Built ${join(dir, "dist")}: index.js (server side) and ui.js (the view)`);
}

/** `tsc -p tsconfig.build.json` with the package's own TypeScript. */
function compileServerSide(dir: string): void {
  const config = join(dir, "tsconfig.build.json");
  if (!existsSync(config)) throw new CliError(`No tsconfig.build.json in ${dir}.`);
  let tsc: string;
  try {
    tsc = createRequire(join(dir, "package.json")).resolve("typescript/bin/tsc");
  } catch {
    throw new CliError(`TypeScript is not installed in ${dir}: run npm install (it is a devDependency of the package).`);
  }
  const result = spawnSync(process.execPath, [tsc, "-p", config], { cwd: dir, stdio: "inherit" });
  if (result.status !== 0) throw new CliError(`tsc -p tsconfig.build.json failed (exit code ${result.status ?? result.signal}).`);
}

/** Bundles the browser entry into `outDir/ui.js` (+ map), then precompresses both. */
export async function bundleView(entry: string, outDir: string): Promise<void> {
  const outfile = join(outDir, "ui.js");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    minify: true,
    // No sourceMappingURL comment: the page serves the view at components/<type>.js.
    sourcemap: "external",
    external: VIEW_EXTERNALS,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  await Promise.all([outfile, `${outfile}.map`].map(precompress));
}

/**
 * Writes `file.br` and `file.gz` beside a file of 1 kB or more when they save at least 10 %,
 * else removes them (the server sends a sibling as it is to browsers that accept it).
 */
async function precompress(file: string): Promise<void> {
  const data = await readFile(file);
  const compressors: Record<string, () => Promise<Buffer>> = {
    ".br": () => promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
    ".gz": () => promisify(gzip)(data, { level: 9 }),
  };
  await Promise.all(
    Object.entries(compressors).map(async ([suffix, compress]) => {
      const out = data.length >= 1024 ? await compress() : null;
      if (out && out.length <= data.length * 0.9) await writeFile(file + suffix, out);
      else await rm(file + suffix, { force: true });
    }),
  );
}
