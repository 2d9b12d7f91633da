/**
 * The folder of plotly.js's browser bundle on disk, for a plot component's `ui.assets`
 * (`{ plotly: PLOTLY_ASSETS }`): the server answers `components/plotly/<file>` from it.
 */
import { fileURLToPath } from "node:url";

export const PLOTLY_ASSETS: string = fileURLToPath(new URL("../dist/plotly", import.meta.url));
