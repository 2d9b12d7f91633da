import type { App } from "vitrine";
import { blocks } from "./demos/blocks.js";
import { calculator } from "./demos/calculator.js";
import { hello } from "./demos/hello.js";
import { stream } from "./demos/stream.js";

export { hello, calculator, blocks, stream };
export { startGallery, type Gallery } from "./gallery.js";

/** Every demo of the gallery by its URL name, with a one-line description. */
export const demos: Record<string, { create: () => App; description: string }> = {
  hello: { create: hello, description: "Interface: a Textbox in, a greeting out, with examples" },
  calculator: { create: calculator, description: "Interface: Number, Radio, Number → Number; vt.Error on division by zero" },
  blocks: { create: blocks, description: "Blocks: a Row of inputs, two buttons bound to two functions" },
  stream: { create: stream, description: "A generator streaming text word by word" },
};
