import { fileURLToPath } from "node:url";
import type { Listeners } from "@vitrine/core";
import { ButtonBase, type ButtonBaseProps } from "./base.js";
import { buttonEvents, type ButtonEvent } from "./events.js";
import { isSafeUrl } from "./url.js";

export { isSafeUrl };

/** The colours a Button comes in. */
export const BUTTON_VARIANTS = ["primary", "secondary", "stop"] as const;

/** Props of a Button. */
export interface ButtonProps extends ButtonBaseProps<(typeof BUTTON_VARIANTS)[number]> {
  /** The button's text. Default "Run". */
  value?: string | null;
  /** `"primary"` for the main action, `"secondary"` (default) for others, `"stop"` to halt something. */
  variant?: (typeof BUTTON_VARIANTS)[number];
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
}

/** A button: its text is its value, and `click` is its event. */
export class ButtonComponent extends ButtonBase<ButtonProps> {
  static override readonly events = buttonEvents;
  readonly type = "button";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };

  constructor(props: ButtonProps = {}) {
    super(props, { name: "Button", variants: BUTTON_VARIANTS });
  }

  protected get defaultText(): string {
    return "Run";
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
