// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ReturnOf, type ValueOf } from "@vitrine/core";
import { Chatbot, type ChatMessage, type ChatbotLikeData, type NormalizedMessage } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const bot = Chatbot();
expectType<Equal<ValueOf<typeof bot>, NormalizedMessage[]>>(true);
const returned: ReturnOf<typeof bot> = [{ role: "user", content: "Hi" }] satisfies ChatMessage[];

// @ts-expect-error Gradio 6 dropped the tuples format
Chatbot({ type: "tuples" });
// @ts-expect-error layout is "bubble" or "panel"
Chatbot({ layout: "grid" });

Blocks(() => {
  const chat = Chatbot({ value: [{ role: "user", content: "Hi" }, { role: "assistant", content: ["Hello", { path: "cat.png" }] }] });
  // The function receives the normalized history and returns it with a reply appended.
  chat.change({
    fn: (history) => [...history, { role: "assistant" as const, content: "ok", metadata: { title: "Done", status: "done" as const } }],
    inputs: [chat],
    outputs: [chat],
  });
  chat.like({ fn: (ctx) => void (ctx.event.data satisfies ChatbotLikeData) });
  chat.change({
    inputs: [chat],
    outputs: [chat],
    // @ts-expect-error a message needs a role the Chatbot knows
    fn: (history) => [...history, { role: "bot", content: "no" }],
  });
});
