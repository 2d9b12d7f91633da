import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { textboxEvents, type TextboxEvent, type TextboxEventData } from "./events.js";

/** Props of a Textbox. */
export interface TextboxProps extends ComponentProps<string> {
  /** Lines shown; more than 1 makes a text area. Default 1. */
  lines?: number;
  /** Most lines the text area grows to. Default 20. */
  max_lines?: number;
  /** Hint shown when empty. */
  placeholder?: string | null;
  /** Input type. Default "text". */
  type?: "text" | "password" | "email";
  /** Whether a copy button is shown. */
  show_copy_button?: boolean;
  /** Whether the field takes focus on load. */
  autofocus?: boolean;
  /** Text alignment. */
  text_align?: "left" | "right" | null;
  /** Right-to-left text. */
  rtl?: boolean;
  /** Most characters allowed. */
  max_length?: number | null;
  /** A submit button beside the field: true for an arrow, a string for its text. It fires `submit`. Default false. */
  submit_btn?: boolean | string;
  /**
   * A stop button, shown in place of the submit button while an event that updates this field
   * runs (a chat box that clears itself on submit): true for a square, a string for its text. It
   * fires `stop`; bind it with `cancels`. Default false.
   */
  stop_btn?: boolean | string;
}

/** A text field: a `string` in and out. */
export class TextboxComponent extends Component<string, string | number | null, string> {
  static override readonly events = textboxEvents;
  readonly type = "textbox";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: TextboxProps;

  constructor(props: TextboxProps = {}) {
    super(props);
  }

  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined) return "";
    if (typeof payload !== "string") throw new TypeError(`Textbox expects a string, got ${typeof payload}`);
    return payload;
  }

  override postprocess(value: string | number | null): string {
    return value === null || value === undefined ? "" : String(value);
  }

  override emptyPayload(): string {
    return "";
  }

  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return "Hello!!";
  }

  protected override ownProps(): Record<string, unknown> {
    const { lines = 1, max_lines = 20, placeholder = null, type = "text", show_copy_button = false,
      autofocus = false, text_align = null, rtl = false, max_length = null, submit_btn = false, stop_btn = false } = this.props;
    return { lines, max_lines, placeholder, type, show_copy_button, autofocus, text_align, rtl, max_length, submit_btn, stop_btn };
  }
}
export interface TextboxComponent extends Listeners<TextboxEvent, TextboxEventData> {}

/**
 * A text field. As an input the function receives a `string`; as an output it returns one.
 * @example vt.Textbox({ label: "Name", placeholder: "Ada" })
 */
export function Textbox(props: TextboxProps = {}): TextboxComponent {
  return new TextboxComponent(props);
}
export type Textbox = TextboxComponent;
