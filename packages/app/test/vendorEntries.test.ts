import { createRequire } from "node:module";
import { describe, expect, it } from "@jest/globals";
import { vendorImportMap, vendorInputs, vendorSource } from "../build/vendorEntries.js";

describe("vendor entries", () => {
  it("re-export the default and every named export of a CommonJS module", () => {
    const require = createRequire(import.meta.url);
    const source = vendorSource("react", Object.keys(require("react") as object));
    expect(source).toContain('import lib from "react";');
    expect(source).toContain("export default lib;");
    expect(source).toMatch(/export const \{[^}]*\buseState\b[^}]*\} = lib;/);
    expect(source).toMatch(/\buseSyncExternalStore\b/);
  });

  it("skip names that are not identifiers", () => {
    expect(vendorSource("x", ["a", "default", "not-valid", "$b"])).toContain("export const { a, $b } = lib;");
  });

  it("map each bare specifier to a stable file beside the app's assets", () => {
    expect(vendorImportMap().imports).toEqual({
      react: "./assets/vendor/react.js",
      "react/jsx-runtime": "./assets/vendor/react-jsx-runtime.js",
      "react-dom": "./assets/vendor/react-dom.js",
      "react-dom/client": "./assets/vendor/react-dom-client.js",
    });
    expect(Object.keys(vendorInputs())).toEqual([
      "vendor/react",
      "vendor/react-jsx-runtime",
      "vendor/react-dom",
      "vendor/react-dom-client",
    ]);
  });
});
