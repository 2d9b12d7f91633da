import type { CopyData, EditData, LikeData, RetryData, SelectData } from "@vitrine/core";

export type { CopyData, EditData, LikeData, RetryData };

/** The events a Chatbot fires, as Gradio declares them (`Chatbot.EVENTS`). */
export const chatbotEvents = [
  "change",
  "select",
  "like",
  "retry",
  "undo",
  "example_select",
  "option_select",
  "clear",
  "copy",
  "edit",
] as const;
/** One of the names in `chatbotEvents`, for typing listeners and event data. */
export type ChatbotEvent = (typeof chatbotEvents)[number];

/**
 * `like` as a Chatbot fires it: Gradio's LikeData, where `liked` is `true` ("Like"), `false`
 * ("Dislike"), the option's text for any other feedback option, or `null` when the user takes
 * the feedback back. `index` is the position of the bubble's first message in the value,
 * `value` the contents of the bubble's messages (a lone text as its string).
 */
export interface ChatbotLikeData extends Omit<LikeData, "liked" | "index"> {
  /** Position of the bubble's first message in the value. */
  index: number;
  /** The feedback: true for "Like", false for "Dislike", an option's text, or null when taken back. */
  liked: boolean | string | null;
}

/** `undo`: the same fields as `retry` (Gradio's UndoData): the last user message's `index` and `value`. */
export type UndoData = RetryData;

/**
 * The data its events carry: `like` as above; `retry` and `undo` the last user message
 * (`index`, `value`); `edit` the message's `index`, new `value` and `previous_value`; `copy` the
 * copied text as `value`; `select`
 * (clicking a message), `option_select` (an option button: `value` is the option's value) and
 * `example_select` (an example: `value` is the example) carry SelectData.
 */
export interface ChatbotEventData {
  /** A message was clicked. */
  select: SelectData;
  /** Feedback was given on a message. */
  like: ChatbotLikeData;
  /** The retry button of a reply was clicked. */
  retry: RetryData;
  /** The undo button of a message was clicked. */
  undo: UndoData;
  /** A message was edited. */
  edit: EditData;
  /** A message was copied. */
  copy: CopyData;
  /** An option button was clicked. */
  option_select: SelectData;
  /** An example of the empty chat was clicked. */
  example_select: SelectData;
}
