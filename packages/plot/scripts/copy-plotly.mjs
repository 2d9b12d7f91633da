// Copies plotly.js's minified browser bundle to dist/plotly/plotly.min.js, with brotli and gzip
// siblings. Every plot view (Plot, LinePlot, BarPlot, ScatterPlot) loads it by URL, lazily, from
// components/plotly/plotly.min.js: the components declare the folder in `ui.assets`, so a page
// with several kinds of plot downloads it once, and a page without plots never does.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { precompress } from "../../../tools/precompress.mjs";

const require = createRequire(import.meta.url);
const out = "dist/plotly/plotly.min.js";
mkdirSync("dist/plotly", { recursive: true });
copyFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), out);
await precompress(out);
