import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { htmlEvents, type HtmlEvent, type HtmlEventData } from "./events.js";

/** Props of an HTML component. */
export interface HtmlProps extends ComponentProps<string> {
  /**
   * Whether the view cleans the HTML with DOMPurify before showing it (default `true`): no
   * `<script>`, no event handler attributes, no `javascript:` URLs. Turn it off only for HTML
   * you wrote yourself; even then, `<script>` elements inserted as HTML do not run.
   */
  sanitize_html?: boolean;
  /** Minimum height (pixels, or a CSS length). */
  min_height?: number | string | null;
  /** Maximum height (pixels, or a CSS length) before the content scrolls. */
  max_height?: number | string | null;
  /** Whether the content has padding around it (default `true`, as in Gradio). */
  padding?: boolean;
}

/**
 * Shows a string as HTML. Its value is a string (a number is turned into one); the view
 * sanitizes it unless `sanitize_html: false`.
 */
export class HtmlComponent extends Component<string, string | number, string> {
  static override readonly events = htmlEvents;
  readonly type = "html";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: HtmlProps;

  constructor(props: HtmlProps = {}) {
    super(props as ComponentProps<string | number>);
    for (const key of ["min_height", "max_height"] as const) {
      const v = props[key];
      if (v !== undefined && v !== null && !(typeof v === "string" || (typeof v === "number" && Number.isFinite(v) && v >= 0))) {
        throw new TypeError(`HTML: ${key} must be a number of pixels or a CSS length, got ${String(v)}`);
      }
    }
  }

  private get title(): string {
    return this.props.label ? `HTML "${this.props.label}"` : "HTML";
  }

  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined) return "";
    if (typeof payload !== "string") throw new VitrineError(`${this.title} expects a string, got ${typeof payload}`);
    return payload;
  }

  override postprocess(value: string | number | null): string {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return String(value);
    if (typeof value !== "string") throw new VitrineError(`${this.title}: the function returned a ${typeof value}, not an HTML string`);
    return value;
  }

  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return "<p>Hello</p>";
  }

  override emptyPayload(): string {
    return "";
  }

  protected override defaultProps(): Record<string, unknown> {
    // Gradio's HTML has no label shown and no container by default.
    return { ...super.defaultProps(), show_label: false, container: false };
  }

  protected override ownProps(): Record<string, unknown> {
    return {
      sanitize_html: this.props.sanitize_html ?? true,
      min_height: this.props.min_height ?? null,
      max_height: this.props.max_height ?? null,
      padding: this.props.padding ?? true,
    };
  }
}
export interface HtmlComponent extends Listeners<HtmlEvent, HtmlEventData> {}

/**
 * A block of HTML (Gradio's `gr.HTML`), sanitized in the browser by default.
 * @example vt.HTML({ value: "<h2>Results</h2>" })
 */
export function HTML(value?: string | HtmlProps, props: HtmlProps = {}): HtmlComponent {
  return new HtmlComponent(typeof value === "string" ? { ...props, value } : { ...(value ?? {}), ...props });
}
export type HTML = HtmlComponent;
