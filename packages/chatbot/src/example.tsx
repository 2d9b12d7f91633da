import type { ExampleProps } from "@vitrine/core";
import type { NormalizedMessage } from "./messages.js";

/** How many characters an Examples cell shows before an ellipsis. */
const MAX_CHARS = 60;

/** The Chatbot's example view: the conversation's first text, cut short, and how many messages it has. */
export function ChatbotExample({ value }: ExampleProps<NormalizedMessage[] | null>) {
  const messages = Array.isArray(value) ? value : [];
  const first = messages.flatMap((m) => m.content).find((p) => p.type === "text");
  const text = first && first.type === "text" ? first.text : "";
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  return (
    <span className="vt-example-text" title={text.length > MAX_CHARS ? text : undefined}>
      {short}
      {messages.length > 1 ? ` (${messages.length} messages)` : ""}
    </span>
  );
}
