/** `pnpm --filter @vitrine/docs start` (and the end of `dev`): serves the built site and the gallery's demos. */
import { startDocsServer } from "./server.js";

await startDocsServer();
