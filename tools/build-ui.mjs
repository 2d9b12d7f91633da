// Bundles a component package's browser entry (src/ui.tsx) into dist/ui.js: one ES module
// whose default export is the view. React stays external: the page maps "react" and
// "react/jsx-runtime" to its own copy through an import map, so every view shares one React.
// Then it writes brotli and gzip siblings of dist/ui.js and its map (tools/precompress.mjs).
//
// Options, for views that load heavy code only when they need it (Markdown's KaTeX):
//   --lazy <type>          code splitting: what the view `import()`s goes to dist/<type>/, which
//                          the server serves beside the view at components/<type>/<file>
//                          (<type> is the component's type);
//   --css <name>=<module>  also bundles a stylesheet (a package's CSS file) to dist/<type>/<name>,
//                          with the woff2 fonts it uses (other font formats are dropped: every
//                          browser the page supports reads woff2).
import { build } from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { precompress } from "./precompress.mjs";

const { values: args } = parseArgs({ options: { lazy: { type: "string" }, css: { type: "string", multiple: true } } });
const lazy = args.lazy;
if (lazy !== undefined && !/^[a-z0-9_-]+$/.test(lazy)) throw new Error(`build-ui: --lazy takes a component type, got ${lazy}`);
if (args.css?.length && !lazy) throw new Error("build-ui: --css needs --lazy <type> (the folder it goes to)");

/** Drops the woff and ttf alternatives of `@font-face` sources, keeping woff2. */
const woff2Only = {
  name: "woff2-only",
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (a) => {
      const css = await readFile(a.path, "utf8");
      return { contents: css.replace(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, ""), loader: "css" };
    });
  },
};

const entry = ["src/ui.tsx", "src/ui.ts"].find((f) => existsSync(f));
if (!entry) throw new Error("build-ui: no src/ui.tsx in " + process.cwd());

// Chunks are named by their content: clear the last build's.
if (lazy) rmSync(join("dist", lazy), { recursive: true, force: true });

await build({
  entryPoints: [entry],
  ...(lazy
    ? { outdir: "dist", entryNames: "ui", splitting: true, chunkNames: `${lazy}/[name]-[hash]` }
    : { outfile: "dist/ui.js" }),
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

const written = ["dist/ui.js", "dist/ui.js.map"];
if (lazy) {
  const require = createRequire(join(process.cwd(), "package.json"));
  for (const spec of args.css ?? []) {
    const [name, module] = spec.split("=");
    if (!name || !module || !name.endsWith(".css")) throw new Error(`build-ui: --css takes <name>.css=<module>, got ${spec}`);
    await build({
      entryPoints: { [`${lazy}/${name.slice(0, -4)}`]: require.resolve(module) },
      outdir: "dist",
      bundle: true,
      minify: true,
      assetNames: `${lazy}/[name]-[hash]`,
      loader: { ".woff2": "file" },
      plugins: [woff2Only],
      logLevel: "warning",
    });
  }
  const dir = join("dist", lazy);
  for (const file of readdirSync(dir)) if (/\.(?:js|css|map)$/.test(file)) written.push(join(dir, file));
}

await Promise.all(written.filter((f) => existsSync(f)).map(precompress));
