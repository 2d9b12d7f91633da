import { fileURLToPath } from "node:url";

/**
 * The folder of plotly.js's browser bundle on disk, for a plot component's `ui.assets`
 * (`{ plotly: PLOTLY_ASSETS }`): the server answers `components/plotly/<file>` from it.
 */
export const PLOTLY_ASSETS: string = fileURLToPath(new URL("../dist/plotly", import.meta.url));
