/**
 * Vite plugin: one small ES module per shared library (`react`, `react/jsx-runtime`,
 * `react-dom`, `react-dom/client`), emitted at a stable path under `assets/vendor/` so the
 * page's import map can point component views at them.
 *
 * React ships as CommonJS, so `export * from "react"` would export nothing by name. The
 * plugin lists the names instead, from `Object.keys(require(specifier))`, and re-exports
 * each from the module's default export. The app's own code imports the same specifiers,
 * so the bundler keeps a single copy of each library and views share the app's React.
 */
import { createRequire } from "node:module";
import type { Plugin } from "vite";

/** Shared libraries: file name under `assets/vendor/` → bare specifier. */
export const vendorModules: Record<string, string> = {
  react: "react",
  "react-jsx-runtime": "react/jsx-runtime",
  "react-dom": "react-dom",
  "react-dom-client": "react-dom/client",
};

const PREFIX = "\0vitrine-vendor:";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Rollup inputs for the vendor entries: `vendor/<file>` → virtual module id. */
export function vendorInputs(): Record<string, string> {
  return Object.fromEntries(Object.keys(vendorModules).map((file) => [`vendor/${file}`, PREFIX + file]));
}

/** The import map the page needs, with URLs relative to the document. */
export function vendorImportMap(): { imports: Record<string, string> } {
  return {
    imports: Object.fromEntries(
      Object.entries(vendorModules).map(([file, specifier]) => [specifier, `./assets/vendor/${file}.js`]),
    ),
  };
}

/** Source of one vendor entry: the default export and every named export of `specifier`. */
export function vendorSource(specifier: string, names: string[]): string {
  const named = names.filter((n) => n !== "default" && IDENTIFIER.test(n));
  return [
    `import lib from ${JSON.stringify(specifier)};`,
    `export default lib;`,
    named.length ? `export const { ${named.join(", ")} } = lib;` : "",
  ].join("\n");
}

/** The plugin: resolves and loads the virtual vendor entries, and writes the import map into index.html. */
export function vendorEntries(root: string): Plugin {
  const require = createRequire(root.endsWith("/") ? root : root + "/");
  return {
    name: "vitrine-vendor-entries",
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const specifier = vendorModules[id.slice(PREFIX.length)];
      if (!specifier) throw new Error(`unknown vendor module ${id.slice(PREFIX.length)}`);
      return vendorSource(specifier, Object.keys(require(specifier) as object));
    },
    transformIndexHtml: {
      order: "pre",
      handler: () => [
        {
          tag: "script",
          attrs: { type: "importmap" },
          children: JSON.stringify(vendorImportMap()),
          injectTo: "head-prepend",
        },
      ],
    },
  };
}
