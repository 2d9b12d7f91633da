/** `pnpm --filter @vitrine/docs build`: writes the site to apps/docs/dist/. */
import { buildSite, defaultPaths } from "./site.js";

const paths = defaultPaths();
const started = Date.now();
const manifest = await buildSite(paths);
console.log(`* Docs built: ${manifest.pages.length} pages in ${paths.outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
