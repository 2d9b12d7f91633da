import { readFile } from "node:fs/promises";
import * as vt from "vitrine";

/** Options of the chat demos (tests make them faster or slower). */
export interface ChatDemoOptions {
  /** Pause between two streamed tokens, in ms. Default 40. */
  tokenDelayMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * A streaming echo ChatInterface with additional inputs: the reply is the message repeated with
 * the system prompt's prefix, streamed word by word, as many times as "Repeat" says. It counts the
 * earlier exchanges, so a client can see that the history is kept per session.
 */
export function chatEcho(options: ChatDemoOptions = {}) {
  const delay = options.tokenDelayMs ?? 40;
  return new vt.ChatInterface({
    fn: async function* (message: string, history: vt.HistoryMessage[], system_prompt: string, repeat: number, ctx: vt.EventContext) {
      const earlier = history.filter((m) => m.role === "user").length;
      const words = `${system_prompt} ${Array.from({ length: repeat }, () => message).join(" ")} (exchange ${earlier + 1})`.split(/\s+/);
      let reply = "";
      for (const word of words) {
        if (ctx.signal.aborted) return;
        await sleep(delay, ctx.signal);
        reply += (reply ? " " : "") + word;
        yield reply;
      }
    },
    additional_inputs: [vt.Textbox({ value: "Echo:", label: "System prompt" }), vt.Slider({ minimum: 1, maximum: 5, step: 1, value: 1, label: "Repeat" })],
    title: "Streaming echo",
    description: "Type a message: it comes back word by word. Open **Additional Inputs** to change the prefix or repeat it. Stop ends a reply.",
    examples: [["Hello there", "Echo:", 1], ["Tell me twice", "Again:", 2]],
    editable: true,
    save_history: true,
  });
}

/** A multimodal chat: send text and files; images come back in the reply beside a description. */
export function chatMultimodal() {
  return new vt.ChatInterface({
    fn: async (message: vt.MultimodalValue) => {
      const replies: vt.ChatMessage[] = [];
      for (const path of message.files) {
        const bytes = (await readFile(path)).byteLength;
        replies.push({ role: "assistant", content: { path } });
        replies.push({ role: "assistant", content: `You sent **${path.split(/[\\/]/).pop()}** (${bytes} bytes).` });
      }
      replies.push({ role: "assistant", content: message.text ? `You wrote: ${message.text}` : "No text this time." });
      return replies;
    },
    multimodal: true,
    title: "Multimodal echo",
    description: "Attach an image (📎, drag and drop, or paste) and write something: both come back.",
    examples: [{ text: "Just text" }],
  });
}
