/**
 * Child process of the image round-trip benchmark (image-roundtrip.ts): the classifier-like app,
 * `Interface(Image in → Image out)`, the input as an array (`type: "array"`, decoded with
 * jimp), the output saved as PNG (`format: "png"`, encoded with jimp). The function returns
 * the pixels it got. Launched on 127.0.0.1 with `concurrency_limit` from the first argument
 * ("null" for none, default 1, Gradio's default). Prints its port on stdout.
 */
import * as vt from "vitrine";

const arg = process.argv[2];
const limit = arg === undefined ? 1 : arg === "null" ? null : Number(arg);
const app = new vt.Interface({
  fn: (image: vt.ImageArray | string) => image,
  inputs: vt.Image({ type: "array" }),
  outputs: vt.Image({ type: "array", format: "png" }),
  concurrency_limit: limit,
});
const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
process.stdout.write(`${running.port}\n`);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
