/** Child process: the bare node:http baseline server on 127.0.0.1 (see baseline-server.ts). */
import type { AddressInfo } from "node:net";
import { createBaselineServer } from "./baseline-server.js";
import { parseServerArgs, runAsChild } from "./child.js";

const args = parseServerArgs(process.argv.slice(2));
const server = createBaselineServer(args);
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  runAsChild(port, args.lifetime, () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
