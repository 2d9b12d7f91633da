/**
 * The conversation a ChatInterface keeps: turning the user's message and the function's
 * responses into Chatbot messages, and taking the last exchange back out (retry, undo, edit).
 * Pure functions over plain values; nothing here touches the server or the page.
 */
import type { ChatMessage, ChatRole, NormalizedMessage } from "@vitrine/chatbot";
import type { MultimodalValue } from "@vitrine/multimodaltextbox";

/** A message as it stands in the history: what a Chatbot gives a function, or what one returns. */
export type HistoryMessage = NormalizedMessage | ChatMessage;

/** What a chat function may answer with (each value a generator yields is the reply so far). */
export type ChatResponse = string | ChatMessage | readonly ChatMessage[] | { text?: string | null; files?: readonly string[] | null } | object | null | undefined;

/** What the user sends: the text, or the text and files of a multimodal textbox. */
export type ChatInput = string | MultimodalValue;

/**
 * The messages a value stands for, with `role` set: a string or a component is one message's
 * content; a message keeps its content, metadata and options; a list gives several; a multimodal
 * value gives one message whose content is its files (by path) then its text, as Gradio does.
 * `null` and `undefined` give none.
 */
export function asMessages(value: unknown, role: ChatRole): ChatMessage[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: ChatMessage[] = [];
  for (const item of list as unknown[]) {
    if (item === null || item === undefined) continue;
    if (typeof item === "string") {
      out.push({ role, content: item });
    } else if (isMessage(item)) {
      out.push({ ...item, role });
    } else if (isMultimodal(item)) {
      const content: ChatMessage["content"] & unknown[] = [];
      for (const file of item.files ?? []) content.push(typeof file === "string" ? { path: file } : (file as never));
      if (item.text) content.push(item.text);
      if (content.length > 0) out.push({ role, content });
    } else {
      // A component, a file reference: the Chatbot takes it as content and says so if it cannot.
      out.push({ role, content: item as ChatMessage["content"] });
    }
  }
  return out;
}

/** The history with `value`'s messages added at the end (a new list; the old one is left alone). */
export function appendMessages(history: readonly HistoryMessage[] | null | undefined, value: unknown, role: ChatRole): HistoryMessage[] {
  return [...(history ?? []), ...asMessages(value, role)];
}

/**
 * Takes the last user turn (the last run of consecutive user messages, with what came after it)
 * off the history, and gives it back as the input that made it: its text, or for a multimodal
 * chat its text and files. With no user message the history is returned whole and the input is
 * empty.
 */
export function popLastUserTurn(
  history: readonly HistoryMessage[] | null | undefined,
  multimodal: boolean,
): [HistoryMessage[], ChatInput] {
  const list = [...(history ?? [])];
  let last = list.length - 1;
  while (last >= 0 && list[last]!.role !== "user") last--;
  if (last < 0) return [list, multimodal ? { text: "", files: [] } : ""];
  let first = last;
  while (first > 0 && list[first - 1]!.role === "user") first--;
  return [list.slice(0, first), inputOf(list.slice(first, last + 1), multimodal)];
}

/** The input (text, or text and files) that a run of user messages carries. */
export function inputOf(messages: readonly HistoryMessage[], multimodal: boolean): ChatInput {
  const texts: string[] = [];
  const files: string[] = [];
  for (const message of messages) {
    const parts = Array.isArray(message.content) ? (message.content as unknown[]) : [message.content];
    for (const part of parts) {
      if (typeof part === "string") texts.push(part);
      else if (isRecord(part) && part.type === "text" && typeof part.text === "string") texts.push(part.text);
      else if (isRecord(part) && part.type === "file" && isRecord(part.file) && typeof part.file.path === "string") files.push(part.file.path);
      else if (isRecord(part) && typeof part.path === "string") files.push(part.path);
    }
  }
  const text = texts.join("\n");
  return multimodal ? { text, files } : text;
}

/** The text of a message (its text parts joined), for a conversation's title. */
export function textOf(message: HistoryMessage | undefined): string {
  if (!message) return "";
  const input = inputOf([message], true) as MultimodalValue;
  return input.text || (input.files.length > 0 ? `📎 ${input.files.map((f) => f.split(/[\\/]/).pop()).join(", ")}` : "");
}

function isMessage(value: unknown): value is ChatMessage {
  return isRecord(value) && "content" in value;
}

function isMultimodal(value: unknown): value is { text?: string | null; files?: readonly unknown[] | null } {
  return isRecord(value) && ("text" in value || "files" in value) && !("type" in value) && !("path" in value) && !("url" in value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
