import { fileURLToPath } from "node:url";
import type { Listeners } from "@vitrine/core";
import { BUTTON_VARIANTS, ButtonBase, type ButtonBaseProps } from "@vitrine/button";
import { duplicateButtonEvents, type DuplicateButtonEvent } from "./events.js";
import { currentSpace, duplicateUrl } from "./space.js";

/** The DuplicateButton's colours: the Button's, and `"huggingface"` (dark, as on the Hub; the default). */
export const DUPLICATE_BUTTON_VARIANTS = [...BUTTON_VARIANTS, "huggingface"] as const;
/** One of `DUPLICATE_BUTTON_VARIANTS`: the colour a DuplicateButton takes. */
export type DuplicateButtonVariant = (typeof DUPLICATE_BUTTON_VARIANTS)[number];

/** Props of a DuplicateButton. */
export interface DuplicateButtonProps extends ButtonBaseProps<DuplicateButtonVariant> {
  /** The button's text. Default "Duplicate Space". */
  value?: string | null;
  /** The button's colours. Default `"huggingface"`, as in Gradio 5. */
  variant?: DuplicateButtonVariant;
  /** Size of the button. Default "sm". */
  size?: "sm" | "md" | "lg";
  /**
   * A URL to open instead (http(s), mailto or relative). By default, on a Space, the button
   * links to the Space's duplication page; elsewhere it links nowhere.
   */
  link?: string | null;
}

/**
 * A button that duplicates the Hugging Face Space the app runs in (Gradio's
 * `gr.DuplicateButton`). On a Space (`SYSTEM=spaces`, `SPACE_ID=owner/name`, read when the
 * button is made) it links to `https://huggingface.co/spaces/owner/name?duplicate=true`, opened
 * in a new tab; elsewhere it does nothing but fire `click`, as in Gradio 5 (where it stays visible).
 */
export class DuplicateButtonComponent extends ButtonBase<DuplicateButtonProps> {
  static override readonly events = duplicateButtonEvents;
  readonly type = "duplicatebutton";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  /** The Space this app runs in (`owner/name`), or null when not on a Space. */
  readonly space: string | null;

  constructor(props: DuplicateButtonProps = {}) {
    super(props, { name: "DuplicateButton", variants: DUPLICATE_BUTTON_VARIANTS });
    this.space = currentSpace();
  }

  /** Where the button leads: the given `link`, else the Space's duplication page on a Space, else nowhere. */
  get href(): string | null {
    if (typeof this.props.link === "string") return this.props.link;
    return this.space === null ? null : duplicateUrl(this.space);
  }

  protected get defaultText(): string {
    return "Duplicate Space";
  }

  protected override defaultProps(): Record<string, unknown> {
    // As Gradio 5: no growing in a Row (scale 0).
    return { show_label: false, container: false, min_width: 160, scale: 0 };
  }

  protected override ownProps(): Record<string, unknown> {
    const { variant = "huggingface", size = "sm", icon = null } = this.props;
    return { variant, size, icon, link: this.href };
  }
}
export interface DuplicateButtonComponent extends Listeners<DuplicateButtonEvent> {}

/**
 * A button that duplicates the Hugging Face Space the app runs in; elsewhere it does nothing.
 * @example vt.DuplicateButton()
 * @example vt.DuplicateButton("Duplicate to skip the queue", { variant: "primary", size: "lg" })
 */
export function DuplicateButton(value?: string, props?: Omit<DuplicateButtonProps, "value">): DuplicateButtonComponent;
export function DuplicateButton(props?: DuplicateButtonProps): DuplicateButtonComponent;
export function DuplicateButton(a?: string | DuplicateButtonProps, b: Omit<DuplicateButtonProps, "value"> = {}): DuplicateButtonComponent {
  return new DuplicateButtonComponent(typeof a === "string" ? { ...b, value: a } : (a ?? {}));
}
export type DuplicateButton = DuplicateButtonComponent;
