import * as vt from "vitrine";
// Removes its abort listener when the timer fires: one listener per word would pile up.
import { sleep } from "./sleep.js";

/** A generator streaming its text back word by word. */
export function stream(options: { delayMs?: number } = {}) {
  const delay = options.delayMs ?? 150;
  return new vt.Interface({
    fn: async function* (text: string, { signal }) {
      let shown = "";
      for (const word of text.split(/\s+/).filter(Boolean)) {
        await sleep(delay, signal);
        shown += (shown ? " " : "") + word;
        yield shown;
      }
    },
    inputs: vt.Textbox({ label: "text", lines: 3, value: "Streams arrive one word at a time" }),
    outputs: vt.Textbox({ label: "streamed", lines: 3 }),
    title: "Stream",
    description: "A generator: every `yield` updates the output.",
  });
}
