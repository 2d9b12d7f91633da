// Type tests, checked by `tsc` (pnpm typecheck), never run.
import * as vt from "./index.js";

// fn's parameters follow the additional inputs: a Textbox gives a string, a Slider a number.
new vt.ChatInterface({
  fn: (message, history, system_prompt, tokens, ctx) => {
    const m: string = message;
    const h: vt.HistoryMessage[] = history;
    const s: string = system_prompt;
    const n: number = tokens;
    const signal: AbortSignal = ctx.signal;
    return `${m}${h.length}${s}${n}${String(signal.aborted)}`;
  },
  additional_inputs: [vt.Textbox(), vt.Slider({ minimum: 0, maximum: 10 })],
});

// Multimodal: the message is text and files.
new vt.ChatInterface({
  fn: (message) => {
    const text: string = message.text;
    const files: string[] = message.files;
    return `${text}${files.length}`;
  },
  multimodal: true,
});

// Generators stream; messages and lists of messages are replies too.
new vt.ChatInterface({
  fn: async function* (message: string) {
    yield message;
    yield { role: "assistant" as const, content: message, metadata: { title: "Thinking", status: "done" as const } };
  },
});

new vt.ChatInterface({
  // @ts-expect-error a Slider's value is a number, not a string
  fn: (_message: string, _history: vt.HistoryMessage[], level: string) => level,
  additional_inputs: [vt.Slider()],
});
