/**
 * Node entry of `@vitrine/app`: where the built page lives, for the server to serve.
 * Browser code is never imported from here.
 */
import { fileURLToPath } from "node:url";
/**
 * Absolute path of the built page (`dist/`, holding `index.html` and `assets/`), without a
 * trailing slash. Serve `index.html` at the app's mount URL and every other file under the
 * same relative path.
 */
export const appDistDir = fileURLToPath(new URL("../dist", import.meta.url));
//# sourceMappingURL=node.js.map