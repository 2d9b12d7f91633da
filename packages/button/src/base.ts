import { Component, type ApiDescription, type ComponentProps } from "@vitrine/core";
import { isSafeUrl } from "./url.js";

/** The sizes a button comes in. */
export const BUTTON_SIZES = ["sm", "md", "lg"] as const;

/** Props every button component shares (Button, ClearButton, DuplicateButton, …). */
export interface ButtonBaseProps<V extends string = string> extends ComponentProps<string> {
  /** The button's text. */
  value?: string | null;
  /** The button's colours. */
  variant?: V;
  /** Size of the button. */
  size?: (typeof BUTTON_SIZES)[number];
  /** URL of an image shown before the text (http(s) or relative). */
  icon?: string | null;
  /** URL opened in a new tab when the button is clicked (http(s), mailto or relative). */
  link?: string | null;
}

/** What a button component says about itself to {@link ButtonBase}. */
export interface ButtonKind {
  /** Its name in error messages (`"ClearButton"`). */
  name: string;
  /** The variants it accepts. */
  variants: readonly string[];
}

/** The list as a sentence: `"a", "b" or "c"`. */
const oneOf = (values: readonly string[]) =>
  values.length === 1 ? JSON.stringify(values[0]) : `${values.slice(0, -1).map((v) => JSON.stringify(v)).join(", ")} or ${JSON.stringify(values.at(-1))}`;

/**
 * Base of the button components: the text is the value (a function may return a new one), it
 * stays clickable unless made non-interactive, it is left out of the API (as in Gradio), and
 * its variant, size, icon and link are checked when it is made.
 */
export abstract class ButtonBase<P extends ButtonBaseProps = ButtonBaseProps> extends Component<string, string | null, string> {
  declare readonly props: P;

  constructor(
    props: P,
    private readonly kind: ButtonKind,
  ) {
    super(props);
    const { variant, size, icon, link } = props;
    if (variant !== undefined && !kind.variants.includes(variant)) {
      throw new TypeError(`${kind.name}: variant must be ${oneOf(kind.variants)}, got ${JSON.stringify(variant)}`);
    }
    if (size !== undefined && !(BUTTON_SIZES as readonly string[]).includes(size)) {
      throw new TypeError(`${kind.name}: size must be ${oneOf(BUTTON_SIZES)}, got ${JSON.stringify(size)}`);
    }
    if (typeof icon === "string" && !isSafeUrl(icon, { allowMailto: false })) {
      throw new TypeError(`${kind.name}: icon must be an http(s) or relative URL, got ${JSON.stringify(icon)}`);
    }
    if (typeof link === "string" && !isSafeUrl(link)) {
      throw new TypeError(`${kind.name}: link must be an http(s), mailto or relative URL, got ${JSON.stringify(link)}`);
    }
  }

  /** The text shown when no `value` is given ("Run", "Clear", …). */
  protected abstract get defaultText(): string;

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
    if (typeof payload !== "string") throw new TypeError(`${this.kind.name} expects a string, got ${typeof payload}`);
    return payload;
  }

  /** A function's new text for the button. */
  override postprocess(value: string | null): string {
    return value === null || value === undefined ? "" : String(value);
  }

  override initialPayload(): string {
    return this.postprocess(this.valueProp ?? this.defaultText);
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
}
