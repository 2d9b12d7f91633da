import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { markdownEvents, type MarkdownEvent, type MarkdownEventData } from "./events.js";

/** Props of a Markdown. */
export interface MarkdownProps extends ComponentProps<string> {
  /**
   * Whether HTML in the rendered Markdown is sanitized (scripts, event handlers and
   * `javascript:` links removed). Default true; turn off only for trusted text.
   */
  sanitize_html?: boolean;
  /** Whether single newlines become line breaks (`<br>`). Default false. */
  line_breaks?: boolean;
  /** Right-to-left text. Default false. */
  rtl?: boolean;
  /**
   * Where LaTeX formulas are, typeset with KaTeX (loaded by the page only for text that holds
   * one): pairs of delimiters, each `display` (on a line of its own) or inline. Default
   * `[{ left: "$$", right: "$$", display: true }]`, as Gradio; add
   * `{ left: "$", right: "$", display: false }` for inline formulas (a lone `$` before a
   * digit, as in prices, is left alone); `[]` turns formulas off.
   */
  latex_delimiters?: readonly LatexDelimiter[];
  /**
   * Whether headings get an id (a slug of their text, unique in the Markdown, as GitHub makes
   * them) and a `#` link to themselves, so a section can be linked to. Default false.
   */
  header_links?: boolean;
  /**
   * The buttons shown over the Markdown (Gradio 6): `["copy"]` adds one that copies the whole
   * Markdown source. Default none. (Code blocks always have their own copy button.)
   */
  buttons?: readonly MarkdownButton[] | null;
  /**
   * Whether a button copies the whole Markdown source: Gradio 5's spelling of
   * `buttons: ["copy"]`, still accepted. Default false.
   */
  show_copy_button?: boolean;
  /** Whether the Markdown has padding around it (the theme's `--block-padding`). Default false, as in Gradio 6. */
  padding?: boolean;
  /** Height of the Markdown: pixels, or a CSS length; taller text scrolls. Default: its content's. */
  height?: number | string | null;
  /** Largest height (pixels or a CSS length); taller text scrolls. */
  max_height?: number | string | null;
  /** Smallest height (pixels or a CSS length). */
  min_height?: number | string | null;
}

/** A button the Markdown shows over its text: `"copy"` copies the whole source. */
export type MarkdownButton = "copy";

/** A pair of LaTeX delimiters (see {@link MarkdownProps.latex_delimiters}). */
export interface LatexDelimiter {
  /** The opening delimiter (`"$$"`). */
  left: string;
  /** The closing delimiter. */
  right: string;
  /** Whether the formula is set on its own line rather than in the text. */
  display: boolean;
}

/**
 * Markdown text, rendered in the page. Its value is the Markdown source; common
 * indentation is removed, so indented template literals render as written.
 */
export class MarkdownComponent extends Component<string, string | null, string> {
  static override readonly events = markdownEvents;
  readonly type = "markdown";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: MarkdownProps;

  constructor(props: MarkdownProps = {}) {
    super(props);
    const delimiters = props.latex_delimiters;
    if (delimiters !== undefined) {
      const ok =
        Array.isArray(delimiters) &&
        delimiters.every(
          (d) => typeof d?.left === "string" && d.left !== "" && typeof d.right === "string" && d.right !== "" && typeof d.display === "boolean",
        );
      if (!ok) throw new TypeError("Markdown: latex_delimiters must be a list of { left, right, display } (non-empty strings and a boolean)");
    }
    const buttons = props.buttons;
    if (buttons !== undefined && buttons !== null) {
      if (!Array.isArray(buttons)) throw new TypeError(`Markdown: buttons must be a list such as ["copy"], got ${JSON.stringify(buttons)}`);
      for (const b of buttons) if (b !== "copy") throw new TypeError(`Markdown: the only button is "copy"; got ${JSON.stringify(b)}`);
    }
    for (const key of ["height", "max_height", "min_height"] as const) {
      const v = props[key];
      if (v === undefined || v === null) continue;
      const ok = (typeof v === "number" && Number.isFinite(v) && v >= 0) || (typeof v === "string" && v.trim() !== "");
      if (!ok) throw new TypeError(`Markdown: ${key} must be a non-negative number of pixels or a CSS length, got ${JSON.stringify(v)}`);
    }
  }

  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined) return "";
    if (typeof payload !== "string") throw new TypeError(`Markdown expects a string, got ${typeof payload}`);
    return payload;
  }

  /** Strips the common indentation and surrounding blank lines, like Python's `inspect.cleandoc`. */
  override postprocess(value: string | null): string {
    return value === null || value === undefined ? "" : cleandoc(String(value));
  }

  override emptyPayload(): string {
    return "";
  }

  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return "# Hello!";
  }

  protected override defaultProps(): Record<string, unknown> {
    return { show_label: false, container: false, min_width: 160 };
  }

  protected override ownProps(): Record<string, unknown> {
    const { sanitize_html = true, line_breaks = false, rtl = false } = this.props;
    const latex_delimiters = this.props.latex_delimiters ?? [{ left: "$$", right: "$$", display: true }];
    const { header_links = false, height = null, max_height = null, min_height = null, padding = false } = this.props;
    // `show_copy_button: true` (Gradio 5) is `buttons: ["copy"]` (Gradio 6); both are sent.
    const buttons: MarkdownButton[] = [...(this.props.buttons ?? [])];
    if (this.props.show_copy_button && !buttons.includes("copy")) buttons.push("copy");
    const show_copy_button = buttons.includes("copy");
    return {
      sanitize_html,
      line_breaks,
      rtl,
      latex_delimiters,
      header_links,
      show_copy_button,
      buttons,
      padding,
      height,
      max_height,
      min_height,
      show_label: this.props.show_label ?? false,
    };
  }
}
export interface MarkdownComponent extends Listeners<MarkdownEvent, MarkdownEventData> {}

/**
 * Removes the indentation shared by every line but the first, the first line's own
 * leading whitespace, and blank lines at both ends (Python's `inspect.cleandoc`).
 */
export function cleandoc(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => expandTabs(line));
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart();
    if (content) margin = Math.min(margin, line.length - content.length);
  }
  lines[0] = lines[0]!.trimStart();
  if (margin !== Infinity) for (let i = 1; i < lines.length; i++) lines[i] = lines[i]!.slice(margin);
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  return lines.join("\n");
}

function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const ch of line) out += ch === "\t" ? " ".repeat(8 - (out.length % 8)) : ch;
  return out;
}

/**
 * Rendered Markdown (GitHub-flavoured), sanitized by default. As an output the function
 * returns the Markdown source; as an input it receives it.
 * @example vt.Markdown("# Greeter\nType a name, then press **Greet**.")
 */
export function Markdown(value?: string, props?: Omit<MarkdownProps, "value">): MarkdownComponent;
export function Markdown(props?: MarkdownProps): MarkdownComponent;
export function Markdown(a?: string | MarkdownProps, b: Omit<MarkdownProps, "value"> = {}): MarkdownComponent {
  return new MarkdownComponent(typeof a === "string" ? { ...b, value: a } : (a ?? {}));
}
export type Markdown = MarkdownComponent;
