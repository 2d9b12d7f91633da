import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";
import { vendorEntries, vendorInputs } from "./build/vendorEntries.js";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  // The page is served at any mount path (`/`, `/hello/`, …): every URL stays relative.
  base: "./",
  plugins: [react(), vendorEntries(root)],
  resolve: {
    // Workspace packages (@vitrine/client) are bundled from their TypeScript source.
    conditions: ["@vitrine/source", ...defaultClientConditions],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    rolldownOptions: {
      input: { main: fileURLToPath(new URL("index.html", import.meta.url)), ...vendorInputs() },
      // Keep the vendor entries' exports: component views import them through the import map.
      preserveEntrySignatures: "strict",
      output: {
        entryFileNames: (chunk) =>
          chunk.name.startsWith("vendor/") ? "assets/[name].js" : "assets/[name]-[hash].js",
      },
    },
  },
});
