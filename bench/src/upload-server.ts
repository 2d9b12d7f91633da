/**
 * Child process of the upload benchmark (upload.ts): a small Vitrine app (a Textbox echo)
 * launched on 127.0.0.1. The upload goes to Vitrine's `POST /gradio_api/upload` route, which is
 * the same for every app: busboy streams each part into the app's file cache. `GET /__gc`
 * collects garbage twice (the process runs with --expose-gc) and answers with
 * `process.memoryUsage()`; `GET /__memory` answers the same without collecting. Prints its port on stdout.
 */
import * as vt from "vitrine";

const app = vt.Blocks(() => {
  const text = vt.Textbox({ label: "text" });
  vt.Button("echo").click({ fn: (s: string) => s, inputs: [text], outputs: [text], api_name: "echo" });
});
const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
running.express.get("/__gc", (_req, res) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  res.json(process.memoryUsage());
});
running.express.get("/__memory", (_req, res) => {
  res.json(process.memoryUsage());
});
process.stdout.write(`${running.port}\n`);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
