/**
 * The Vitrine side: the same two functions as the baseline, as a Vitrine app. `echo`
 * returns its input; `stream` yields `tokens` tokens at `rate` tokens/s, each yield the
 * text so far (Vitrine turns that into `append` diffs). Neither has a concurrency limit.
 */
import * as vt from "vitrine";
import { sleepUntil, tokenText, tokensFor, type StreamSpec } from "./tokens.js";

export function benchApp(spec: StreamSpec): vt.App {
  const interval = 1000 / spec.rate;
  return vt.Blocks({ title: "bench" }, () => {
    const input = vt.Textbox({ label: "input" });
    const output = vt.Textbox({ label: "output" });
    input.submit({
      fn: (text: string) => text,
      inputs: [input],
      outputs: [output],
      api_name: "echo",
      concurrency_limit: null,
    });
    vt.Button("Stream").click({
      fn: async function* (prompt: string, { signal }) {
        const started = performance.now();
        const tokens = tokensFor(prompt, spec);
        let text = "";
        for (let i = 0; i < tokens; i++) {
          await sleepUntil(started + (i + 1) * interval, signal);
          if (signal.aborted) return;
          text += tokenText(i);
          yield text;
        }
      },
      inputs: [input],
      outputs: [output],
      api_name: "stream",
      concurrency_limit: null,
    });
  });
}
