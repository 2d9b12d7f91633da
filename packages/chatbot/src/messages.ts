/**
 * The Chatbot's messages: what a function returns (loose: content as a string, a file, a
 * component, or a list of these) and what travels on the wire and reaches a function
 * (normalized, as Gradio 6: `content` is a list of typed parts). Node-free: the view uses the
 * wire types too.
 */
import type { FileData } from "@vitrine/core";

/** Who wrote a message: it sets the side of its bubble. */
export type ChatRole = "user" | "assistant" | "system";

/** The roles, in the order messages name them. */
export const CHAT_ROLES: readonly ChatRole[] = ["user", "assistant", "system"];

/**
 * A message's metadata (Gradio's MetadataDict). With a `title` the message shows as a
 * collapsible "thought" or tool-use block; `id` and `parent_id` nest thoughts; `log` and
 * `duration` show beside the title; `status: "pending"` shows a spinner and opens the block,
 * `"done"` closes it.
 */
export interface MessageMetadata {
  /** The block's title (needed for the message to show as a thought). */
  title?: string;
  /** The thought's id, which nested thoughts name as their `parent_id`. */
  id?: number | string;
  /** The id of the thought this one is nested in. */
  parent_id?: number | string;
  /** A subdued note beside the title. */
  log?: string;
  /** Seconds the thought took, shown beside the title. */
  duration?: number;
  /** "pending": a spinner, the block open; "done": the block closed. */
  status?: "pending" | "done";
}

/** A button under the last assistant message (Gradio's OptionDict); a click fires `option_select`. */
export interface ChatOption {
  /** The value `option_select` carries. */
  value: string;
  /** The text shown, when not the value. */
  label?: string;
}

/** A text part of a message's content (Markdown). */
export interface TextPart {
  /** Marks the part as text. */
  type: "text";
  /** The Markdown text. */
  text: string;
}

/** A file part of a message's content: images, audio and video show inline, other files as links. */
export interface FilePart {
  /** Marks the part as a file. */
  type: "file";
  /** The file, served from the app's file cache. */
  file: FileData;
  /** Text describing the file for screen readers (an image's `alt`). */
  alt_text?: string | null;
}

/**
 * A component part of a message's content: a component returned as content (`vt.Image({ value })`),
 * as its type, wire value and config props.
 */
export interface ComponentPart {
  /** Marks the part as a component. */
  type: "component";
  /** The component's type (`"image"`, `"html"`, …). */
  component: string;
  /** Its wire value. */
  value: unknown;
  /** The options the component was created with (Gradio's field; the view reads `props`). */
  constructor_args?: Record<string, unknown>;
  /** Its config props. */
  props?: Record<string, unknown>;
  /** Text describing the component for screen readers. */
  alt_text?: string | null;
}

/** One part of a normalized message's content. */
export type ContentPart = TextPart | FilePart | ComponentPart;

/**
 * A file given as content: a path (copied into the app's file cache, like any returned file)
 * or an http(s) URL, with an optional MIME type and alt text.
 */
export interface FileRef {
  /** A local path or an http(s) URL. */
  path: string;
  /** The file's MIME type, when the extension does not tell it. */
  mime_type?: string | null;
  /** Text describing the file for screen readers. */
  alt_text?: string | null;
  /** The name shown for the file, when not its path's. */
  orig_name?: string | null;
}

/**
 * Something a component instance looks like (duck-typed, so that a component from another copy
 * of `@vitrine/core` is recognized too).
 */
export interface ComponentLike {
  /** Lower-case type name, as in the config (`"image"`, …). */
  readonly type: string;
  /** The component's config props for the browser. */
  configProps(): Record<string, unknown>;
  /** Turns a value into the component's wire value. */
  postprocess(value: never, context?: never): unknown;
}

/**
 * A message's content, as a function gives it: Markdown text, a file (a {@link FileRef}, a
 * FileData, or Gradio 5's `{ file, alt_text }`), a normalized part, or a component instance.
 */
export type MessageContent = string | FileRef | FileData | { file: FileData | FileRef; alt_text?: string | null } | ContentPart | ComponentLike;

/** A message as a function returns it (Gradio's MessageDict / ChatMessage). */
export interface ChatMessage {
  /** Who wrote it. */
  role: ChatRole;
  /** Its content, or a list of contents shown together in one bubble. */
  content: MessageContent | readonly MessageContent[];
  /** Shows the message as a collapsible thought / tool-use block (see {@link MessageMetadata}). */
  metadata?: MessageMetadata | null;
  /** Buttons under the message (the last assistant message's show). */
  options?: readonly ChatOption[] | null;
}

/**
 * A message as it travels and as a function receives it (Gradio 6's normalized message):
 * `content` is always a list of parts; files have their local path.
 */
export interface NormalizedMessage {
  /** Who wrote it. */
  role: ChatRole;
  /** Its parts, in order. */
  content: ContentPart[];
  /** Its title, log, status and the like, or null. */
  metadata: MessageMetadata | null;
  /** Option buttons shown under it, or null. */
  options: ChatOption[] | null;
}

/** What a function returns for a Chatbot: a list of messages, or null (an empty chat). */
export type ChatbotValue = readonly ChatMessage[];

/** The wire value of a Chatbot (and what a function receives): normalized messages. */
export type ChatbotPayload = NormalizedMessage[];

/**
 * An example shown in an empty Chatbot (Gradio's ExampleMessage); a click fires `example_select`
 * with it as `value`.
 */
export interface ChatExample {
  /** The message the example stands for. */
  text?: string;
  /** The text shown in the example's box, when not `text`. */
  display_text?: string;
  /** Files the example carries: paths, URLs or FileData. */
  files?: readonly (string | FileData)[];
  /** An image shown in the example's box: a path, a URL or a FileData. */
  icon?: string | FileData;
}

/** The text of a message: its text parts joined by newlines. */
export function messageText(message: { content: unknown }): string {
  const content = message.content;
  if (typeof content === "string") return content;
  const parts = Array.isArray(content) ? content : [content];
  return parts
    .map((part) => (typeof part === "string" ? part : isTextPart(part) ? part.text : ""))
    .filter((text) => text !== "")
    .join("\n");
}

/** Whether a value is a {@link TextPart}. */
export function isTextPart(part: unknown): part is TextPart {
  return typeof part === "object" && part !== null && (part as TextPart).type === "text" && typeof (part as TextPart).text === "string";
}
