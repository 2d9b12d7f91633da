import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { isSafeUrl } from "@vitrine/button";
import { duplicateButtonEvents, type DuplicateButtonEvent } from "./events.js";
import { currentSpace, duplicateUrl } from "./space.js";

/** The DuplicateButton's colours: the Button's, and `"huggingface"` (dark, as on the Hub; the default). */
export type DuplicateButtonVariant = "primary" | "secondary" | "stop" | "huggingface";

/** Props of a DuplicateButton. */
export interface DuplicateButtonProps extends ComponentProps<string> {
  /** The button's text. Default "Duplicate Space". */
  value?: string | null;
  /** The button's colours. Default `"huggingface"`, as in Gradio 5. */
  variant?: DuplicateButtonVariant;
  /** Size of the button. Default "sm". */
  size?: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon?: string | null;
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
export class DuplicateButtonComponent extends Component<string, string | null, string> {
  static override readonly events = duplicateButtonEvents;
  readonly type = "duplicatebutton";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: DuplicateButtonProps;
  /** The Space this app runs in (`owner/name`), or null when not on a Space. */
  readonly space: string | null;

  constructor(props: DuplicateButtonProps = {}) {
    super(props);
    const { variant, size, icon, link } = props;
    if (variant !== undefined && !["primary", "secondary", "stop", "huggingface"].includes(variant)) {
      throw new TypeError(`DuplicateButton: variant must be "primary", "secondary", "stop" or "huggingface", got ${JSON.stringify(variant)}`);
    }
    if (size !== undefined && !["sm", "md", "lg"].includes(size)) {
      throw new TypeError(`DuplicateButton: size must be "sm", "md" or "lg", got ${JSON.stringify(size)}`);
    }
    if (typeof icon === "string" && !isSafeUrl(icon, { allowMailto: false })) {
      throw new TypeError(`DuplicateButton: icon must be an http(s) or relative URL, got ${JSON.stringify(icon)}`);
    }
    if (typeof link === "string" && !isSafeUrl(link)) {
      throw new TypeError(`DuplicateButton: link must be an http(s), mailto or relative URL, got ${JSON.stringify(link)}`);
    }
    this.space = currentSpace();
  }

  /** Where the button leads: the given `link`, else the Space's duplication page on a Space, else nowhere. */
  get href(): string | null {
    if (typeof this.props.link === "string") return this.props.link;
    return this.space === null ? null : duplicateUrl(this.space);
  }

  /** Buttons stay clickable when a function sets their text, unless made non-interactive. */
  override get explicitInteractive(): boolean | null {
    return this.props.interactive ?? true;
  }

  /** Buttons are left out of the API description, as in Gradio. */
  override get skipApi(): boolean {
    return true;
  }

  /** The button's text, as a string. */
  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined) return "";
    if (typeof payload !== "string") throw new TypeError(`DuplicateButton expects a string, got ${typeof payload}`);
    return payload;
  }

  /** A function's new text for the button. */
  override postprocess(value: string | null): string {
    return value === null || value === undefined ? "" : String(value);
  }

  override initialPayload(): string {
    return this.postprocess(this.props.value ?? "Duplicate Space");
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
