import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { buttonEvents, type ButtonEvent } from "./events.js";
import { isSafeUrl } from "./url.js";

export { isSafeUrl };

/** Props of a Button. */
export interface ButtonProps extends ComponentProps<string> {
  /** The button's text. Default "Run". */
  value?: string | null;
  /** `"primary"` for the main action, `"secondary"` (default) for others, `"stop"` to halt something. */
  variant?: "primary" | "secondary" | "stop";
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon?: string | null;
  /** URL opened in a new tab when the button is clicked (http(s), mailto or relative). */
  link?: string | null;
}

/** A button: its text is its value, and `click` is its event. */
export class ButtonComponent extends Component<string, string | null, string> {
  static override readonly events = buttonEvents;
  readonly type = "button";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: ButtonProps;

  constructor(props: ButtonProps = {}) {
    super(props);
    const { variant, size, icon, link } = props;
    if (variant !== undefined && !["primary", "secondary", "stop"].includes(variant)) {
      throw new TypeError(`Button: variant must be "primary", "secondary" or "stop", got ${JSON.stringify(variant)}`);
    }
    if (size !== undefined && !["sm", "md", "lg"].includes(size)) {
      throw new TypeError(`Button: size must be "sm", "md" or "lg", got ${JSON.stringify(size)}`);
    }
    if (typeof icon === "string" && !isSafeUrl(icon, { allowMailto: false })) {
      throw new TypeError(`Button: icon must be an http(s) or relative URL, got ${JSON.stringify(icon)}`);
    }
    if (typeof link === "string" && !isSafeUrl(link)) {
      throw new TypeError(`Button: link must be an http(s), mailto or relative URL, got ${JSON.stringify(link)}`);
    }
  }

  /** Buttons are left out of the API description, as in Gradio. */
  /** Buttons stay clickable when a function sets their text, unless made non-interactive. */
  override get explicitInteractive(): boolean | null {
    return this.props.interactive ?? true;
  }

  override get skipApi(): boolean {
    return true;
  }

  /** The button's text, as a string. */
  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined) return "";
    if (typeof payload !== "string") throw new TypeError(`Button expects a string, got ${typeof payload}`);
    return payload;
  }

  override postprocess(value: string | null): string {
    return value === null || value === undefined ? "" : String(value);
  }

  override initialPayload(): string {
    return this.postprocess(this.props.value ?? "Run");
  }

  /** Clearing a button keeps its text. */
  override emptyPayload(): string {
    return this.initialPayload();
  }

  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return this.initialPayload();
  }

  protected override defaultProps(): Record<string, unknown> {
    return { show_label: false, container: false, min_width: 160 };
  }

  protected override ownProps(): Record<string, unknown> {
    const { variant = "secondary", size = "lg", icon = null, link = null } = this.props;
    return { variant, size, icon, link };
  }
}
export interface ButtonComponent extends Listeners<ButtonEvent> {}

/**
 * A button. Wire its `click` to a function; as an output, the function returns its new text.
 * @example vt.Button("Greet").click({ fn: greet, inputs: [name], outputs: [out] })
 * @example vt.Button({ value: "Stop", variant: "stop", size: "sm" })
 */
export function Button(value?: string, props?: Omit<ButtonProps, "value">): ButtonComponent;
export function Button(props?: ButtonProps): ButtonComponent;
export function Button(a?: string | ButtonProps, b: Omit<ButtonProps, "value"> = {}): ButtonComponent {
  return new ButtonComponent(typeof a === "string" ? { ...b, value: a } : (a ?? {}));
}
export type Button = ButtonComponent;
