import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { labelEvents, type LabelEvent, type LabelEventData } from "./events.js";

/** One class and its confidence, on the wire. */
export interface LabelConfidence {
  /** The class. */
  label: string | number | null;
  /** Its confidence, from 0 to 1. */
  confidence: number | null;
}

/** A Label's wire value (Gradio's LabelData): the top label and, for classifications, the confidences, best first. */
export interface LabelData {
  /** The top class, or the value of a Label with no confidences. */
  label: string | number | null;
  /** Every class with its confidence, best first; absent for a plain label. */
  confidences?: LabelConfidence[] | null;
}

/** What a function may return for a Label: a class, a number (regression), confidences by class, or LabelData. */
export type LabelValue = string | number | Record<string, number> | LabelData | null;

/** What a function receives from a Label used as an input: the label, or the confidences by class. */
export type LabelInput = string | Record<string, number> | null;

/** Props of a Label. */
export interface LabelProps extends ComponentProps<LabelValue> {
  /** How many of the most confident classes are shown (and sent). Default: all. */
  num_top_classes?: number | null;
  /** Whether the top class is shown as a heading above the bars. Default true. */
  show_heading?: boolean;
  /** Background colour of the heading: a CSS colour name or hex string. */
  color?: string | null;
}

const NULLABLE_LABEL = { anyOf: [{ type: "string" }, { type: "integer" }, { type: "number" }, { type: "null" }], default: null, title: "Label" };
/** Gradio's LabelData schema, as `/info` describes a Label. */
const LABEL_DATA_SCHEMA = {
  $defs: {
    LabelConfidence: {
      properties: { label: NULLABLE_LABEL, confidence: { anyOf: [{ type: "number" }, { type: "null" }], default: null, title: "Confidence" } },
      title: "LabelConfidence",
      type: "object",
    },
  },
  properties: {
    label: NULLABLE_LABEL,
    confidences: { anyOf: [{ items: { $ref: "#/$defs/LabelConfidence" }, type: "array" }, { type: "null" }], default: null, title: "Confidences" },
  },
  title: "LabelData",
  type: "object",
};

/** Whether an object is LabelData rather than confidences by class (`{ label: 0.7 }` is a class named "label"). */
function isLabelData(value: object): value is LabelData {
  const keys = Object.keys(value);
  if (!keys.includes("label") || !keys.every((k) => k === "label" || k === "confidences")) return false;
  const v = value as { label: unknown; confidences?: unknown };
  return "confidences" in v ? v.confidences === null || Array.isArray(v.confidences) : typeof v.label !== "number";
}

/**
 * A classification result: the top class as a heading, and the confidences of the top classes
 * as bars. Returns a `string`, a `number`, or `Record<string, number>` (confidences by class).
 */
export class LabelComponent extends Component<LabelInput, LabelValue, LabelData | null> {
  static override readonly events = labelEvents;
  readonly type = "label";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: LabelProps;

  constructor(props: LabelProps = {}) {
    const n = props.num_top_classes;
    if (n !== undefined && n !== null && (!Number.isInteger(n) || n < 1))
      throw new TypeError(`Label: num_top_classes must be a positive integer, got ${n}`);
    super(props);
  }

  /** Turns LabelData back into the label (no confidences) or the confidences by class. */
  override preprocess(payload: LabelData | null | undefined): LabelInput {
    if (payload === null || payload === undefined) return null;
    if (typeof payload !== "object") throw new TypeError(`Label expects { label, confidences }, got ${typeof payload}`);
    if (!payload.confidences) return payload.label === null || payload.label === undefined ? null : String(payload.label);
    return Object.fromEntries(payload.confidences.map((c) => [String(c.label), Number(c.confidence)]));
  }

  /** Turns a label, a number or confidences into LabelData, sorted by confidence and cut to `num_top_classes`. */
  override postprocess(value: LabelValue | undefined): LabelData | null {
    if (value === null || value === undefined) return null;
    if (typeof value === "string" || typeof value === "number") return { label: String(value) };
    if (typeof value !== "object" || Array.isArray(value))
      throw new TypeError("Label: return a string, a number, or an object of confidences by class ({ cat: 0.9, dog: 0.1 })");
    let pairs: [string | number | null, number][];
    if (isLabelData(value)) {
      if (!value.confidences) return { label: value.label };
      pairs = value.confidences.map((c) => [c.label, Number(c.confidence)]);
    } else {
      pairs = Object.entries(value).map(([label, confidence]) => {
        if (typeof confidence !== "number" || Number.isNaN(confidence))
          throw new TypeError(`Label: the confidence of "${label}" must be a number, got ${JSON.stringify(confidence)}`);
        return [label, confidence];
      });
    }
    if (pairs.length === 0) return null;
    pairs.sort((a, b) => b[1] - a[1]);
    const n = this.props.num_top_classes;
    if (n) pairs = pairs.slice(0, n);
    return { label: pairs[0]![0], confidences: pairs.map(([label, confidence]) => ({ label, confidence })) };
  }

  api(): ApiDescription {
    return {
      type: LABEL_DATA_SCHEMA,
      python_type: {
        type: "Dict(label: str | int | float | None (Label), confidences: List[Dict(label: str | int | float | None (Label), confidence: float | None (Confidence))] | None (Confidences))",
        description: "",
      },
    };
  }

  override exampleInput(): LabelData {
    return { label: "Cat", confidences: [{ label: "Cat", confidence: 0.9 }, { label: "Dog", confidence: 0.1 }] };
  }

  protected override ownProps(): Record<string, unknown> {
    const { num_top_classes = null, show_heading = true, color = null } = this.props;
    return { num_top_classes, show_heading, color };
  }
}
export interface LabelComponent extends Listeners<LabelEvent, LabelEventData> {}

/**
 * A classification label with confidence bars. As an output the function returns a class name,
 * a number, or confidences by class; as an input it receives the reverse.
 * @example vt.Label({ num_top_classes: 3 })
 */
export function Label(props: LabelProps = {}): LabelComponent {
  return new LabelComponent(props);
}
export type Label = LabelComponent;
