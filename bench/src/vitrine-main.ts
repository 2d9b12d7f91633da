/** Child process: the Vitrine bench app launched on 127.0.0.1 (see vitrine-app.ts). */
import { parseServerArgs, runAsChild } from "./child.js";
import { benchApp } from "./vitrine-app.js";

const args = parseServerArgs(process.argv.slice(2));
const app = benchApp(args);
const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
runAsChild(running.port, args.lifetime, async () => {
  running.server.closeAllConnections();
  await app.close();
});
