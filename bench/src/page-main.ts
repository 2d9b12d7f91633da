/**
 * Child process: the gallery's `hello` demo launched on 127.0.0.1, for the page scenario.
 * The orchestrator starts it twice: as is (compressed assets) and with
 * `VITRINE_NO_COMPRESSION=1` (the baseline: the same files, uncompressed).
 */
import { hello } from "@vitrine/demo-gallery";
import { parseServerArgs, runAsChild } from "./child.js";

const args = parseServerArgs(process.argv.slice(2));
const app = hello();
const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
runAsChild(running.port, args.lifetime, async () => {
  running.server.closeAllConnections();
  await app.close();
});
