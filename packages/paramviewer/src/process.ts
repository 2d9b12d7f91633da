import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { paramViewerEvents, type ParamViewerEvent } from "./events.js";
import { normalizeParameters, ParameterShapeError, type ParamViewerInput, type ParamViewerValue } from "./value.js";

/** Props of a ParamViewer. */
export interface ParamViewerProps extends ComponentProps<ParamViewerInput> {
  /**
   * The parameters: `{ name: { type, description, default } }`, in the order shown. Descriptions
   * are Markdown; a default may be any JSON value (shown as code).
   */
  value?: ParamViewerInput | null;
  /** The language of the types and defaults: `"python"` (default) or `"typescript"`. */
  language?: "python" | "typescript";
  /** Words that, wherever they appear in a type or a default, link to `#h-<word in lower case>`. */
  linkify?: readonly string[] | null;
  /**
   * The header above the list, with a button that opens or closes every parameter at once.
   * Default "Parameters"; null for no header.
   */
  header?: string | null;
  /**
   * Whether each parameter gets an anchor (`#param-<name>`) and a link to it; a string adds a
   * prefix (`#param-<prefix>-<name>`) so that two viewers on a page do not clash. Opening the
   * page at an anchor opens and shows that parameter. Default false.
   */
  anchor_links?: boolean | string;
  /** Maximum height (pixels, or a CSS length); the list scrolls beyond it, under a fixed header. */
  max_height?: number | string | null;
}

/**
 * Shows a function's parameters as an expandable list: each one's name and type, and, when
 * opened, its default and its description (Markdown, sanitized). Gradio's `gr.ParamViewer`.
 * Rarely an input: it passes its value on unchanged.
 */
export class ParamViewerComponent extends Component<ParamViewerValue, ParamViewerInput | null, ParamViewerValue> {
  static override readonly events = paramViewerEvents;
  readonly type = "paramviewer";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: ParamViewerProps;

  constructor(props: ParamViewerProps = {}) {
    super(props);
    const { language, linkify, header, anchor_links, max_height } = props;
    if (language !== undefined && language !== "python" && language !== "typescript") {
      throw new TypeError(`ParamViewer: language must be "python" or "typescript", got ${JSON.stringify(language)}`);
    }
    if (linkify !== undefined && linkify !== null && !(Array.isArray(linkify) && linkify.every((w) => typeof w === "string" && w !== ""))) {
      throw new TypeError("ParamViewer: linkify must be a list of non-empty strings");
    }
    if (header !== undefined && header !== null && typeof header !== "string") throw new TypeError("ParamViewer: header must be a string or null");
    if (anchor_links !== undefined && typeof anchor_links !== "boolean" && typeof anchor_links !== "string") {
      throw new TypeError("ParamViewer: anchor_links must be a boolean or a string prefix");
    }
    if (max_height !== undefined && max_height !== null && !(typeof max_height === "string" || (typeof max_height === "number" && Number.isFinite(max_height) && max_height >= 0))) {
      throw new TypeError(`ParamViewer: max_height must be a number of pixels or a CSS length, got ${String(max_height)}`);
    }
    if (props.value !== undefined && props.value !== null) this.postprocess(props.value);
  }

  private get title(): string {
    return this.props.label ? `ParamViewer "${this.props.label}"` : "ParamViewer";
  }

  /** The browser's (or a client's) value, checked: the function receives it in the wire's shape. */
  override preprocess(payload: ParamViewerValue | null | undefined): ParamViewerValue {
    try {
      return normalizeParameters(payload, { strict: true });
    } catch (err) {
      if (err instanceof ParameterShapeError) throw new VitrineError(`${this.title}: ${err.message}`);
      throw err;
    }
  }

  /**
   * The function's parameters, put in the wire's shape (missing fields filled in, defaults
   * written as code). A value of the wrong shape is a TypeError naming the parameter at fault.
   */
  override postprocess(value: ParamViewerInput | null): ParamViewerValue {
    try {
      return normalizeParameters(value);
    } catch (err) {
      if (err instanceof ParameterShapeError) throw new TypeError(`${this.title}: ${err.message}`);
      throw err;
    }
  }

  override emptyPayload(): ParamViewerValue {
    return {};
  }

  /** As Gradio's: any JSON. */
  api(): ApiDescription {
    return {
      type: { type: {}, description: "any valid json" },
      python_type: { type: "str | float | bool | list | dict", description: "any valid json" },
    };
  }

  override exampleInput(): ParamViewerValue {
    return { array: { type: "numpy", description: "any valid json", default: "None" } };
  }

  protected override ownProps(): Record<string, unknown> {
    const { language = "python", linkify = null, header = "Parameters", anchor_links = false, max_height = null } = this.props;
    return { language, linkify: linkify ? [...linkify] : [], header, anchor_links, max_height };
  }
}
export interface ParamViewerComponent extends Listeners<ParamViewerEvent> {}

/**
 * An expandable list of a function's parameters, with types, defaults and Markdown descriptions.
 * @example vt.ParamViewer({ value: { name: { type: "str", description: "Who to greet", default: '"World"' } } })
 * @example vt.ParamViewer({ header: "Options", anchor_links: "opts", linkify: ["Image"] })
 */
export function ParamViewer(props: ParamViewerProps = {}): ParamViewerComponent {
  return new ParamViewerComponent(props);
}
export type ParamViewer = ParamViewerComponent;
