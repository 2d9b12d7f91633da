/**
 * The Vitrine side: the same two functions as the baseline, as a Vitrine app. `echo`
 * returns its input; `stream` yields `tokens` tokens at `rate` tokens/s, each yield the
 * text so far (Vitrine turns that into `append` diffs). Neither has a concurrency limit.
 * A `vt.ChatInterface` rendered in the same app streams the same tokens as its reply
 * (`/chat`, inputs `[message, <history State>]`): the `chat-100` scenario.
 */
import * as vt from "vitrine";
import { sleepUntil, tokenText, tokensFor, type StreamSpec } from "./tokens.js";

/**
 * The token stream as a chat function: `fn(message, history, ctx)` yielding the reply so far,
 * `tokensFor(message)` tokens at `spec.rate` tokens/s (the same schedule as `/stream`). With
 * `paragraphTokens` N > 0, a blank line follows every N tokens (a reply in paragraphs).
 */
export function chatStream(spec: StreamSpec, paragraphTokens = 0): (message: string, history: vt.HistoryMessage[], ctx: vt.EventContext) => AsyncGenerator<string> {
  const interval = 1000 / spec.rate;
  return async function* (message: string, _history: vt.HistoryMessage[], { signal }: vt.EventContext) {
    const started = performance.now();
    const tokens = tokensFor(message, spec);
    let text = "";
    for (let i = 0; i < tokens; i++) {
      await sleepUntil(started + (i + 1) * interval, signal);
      if (signal.aborted) return;
      text += tokenText(i);
      if (paragraphTokens > 0 && (i + 1) % paragraphTokens === 0) text += "\n\n";
      yield text;
    }
  };
}

export function benchApp(spec: StreamSpec): vt.App {
  const interval = 1000 / spec.rate;
  const chat = new vt.ChatInterface({ fn: chatStream(spec), concurrency_limit: null });
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
    chat.render();
  });
}
