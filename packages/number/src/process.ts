import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
} from "@vitrine/core";
import { numberEvents, type NumberEvent } from "./events.js";

// This module exports a factory named `Number`, which shadows the global inside it:
// every use of the built-in goes through `globalThis.Number`.
const JsNumber = globalThis.Number;

/** Props of a Number. */
export interface NumberProps extends ComponentProps<number> {
  /** Smallest value accepted as input; smaller values are rejected with an error. */
  minimum?: number | null;
  /** Largest value accepted as input; larger values are rejected with an error. */
  maximum?: number | null;
  /** Increment of the field's arrows and arrow keys. Default 1. */
  step?: number;
  /**
   * Decimal places values are rounded to, in and out (half away from zero); 0 makes
   * integers. `null` (the default) leaves values as they are.
   */
  precision?: number | null;
  /** Hint shown when the field is empty. */
  placeholder?: string | null;
}

/** A numeric field: a `number` in and out. */
export class NumberComponent extends Component<number, number | null, number | null> {
  static override readonly events = numberEvents;
  readonly type = "number";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: NumberProps;

  constructor(props: NumberProps = {}) {
    super(props);
    const { minimum, maximum, precision, step } = props;
    for (const [key, bound] of [["minimum", minimum], ["maximum", maximum], ["step", step]] as const) {
      if (bound !== undefined && bound !== null && !JsNumber.isFinite(bound)) {
        throw new TypeError(`Number: ${key} must be a finite number, got ${String(bound)}`);
      }
    }
    if (typeof minimum === "number" && typeof maximum === "number" && minimum > maximum) {
      throw new RangeError(`Number: minimum (${minimum}) is greater than maximum (${maximum})`);
    }
    if (precision !== undefined && precision !== null && !(JsNumber.isInteger(precision) && precision >= 0 && precision <= 100)) {
      throw new RangeError(`Number: precision must be an integer from 0 to 100, got ${String(precision)}`);
    }
  }

  /** `Number "Age"`, or `Number` without a label: how error messages name this field. */
  private get title(): string {
    return this.props.label ? `Number "${this.props.label}"` : "Number";
  }

  /**
   * Checks and rounds the browser's value. A missing value, or one outside
   * `[minimum, maximum]`, is a {@link VitrineError} the user sees; a value that is not a
   * number at all is a `TypeError`.
   */
  override preprocess(payload: number | string | null | undefined): number {
    if (payload === null || payload === undefined || payload === "") {
      throw new VitrineError(`${this.title}: a value is required`);
    }
    const value = this.round(toNumber(payload, this.title));
    const { minimum, maximum } = this.props;
    if (typeof minimum === "number" && value < minimum) {
      throw new VitrineError(`${this.title}: ${value} is less than the minimum, ${minimum}`);
    }
    if (typeof maximum === "number" && value > maximum) {
      throw new VitrineError(`${this.title}: ${value} is greater than the maximum, ${maximum}`);
    }
    return value;
  }

  override postprocess(value: number | null): number | null {
    if (value === null || value === undefined) return null;
    return this.round(toNumber(value, this.title));
  }

  override emptyPayload(): null {
    return null;
  }

  api(): ApiDescription {
    return { type: { type: "number" }, python_type: { type: "float", description: "" } };
  }

  override exampleInput(): number {
    const { minimum, maximum } = this.props;
    if (typeof minimum === "number" && minimum > 3) return minimum;
    if (typeof maximum === "number" && maximum < 3) return maximum;
    return 3;
  }

  protected override ownProps(): Record<string, unknown> {
    const { minimum = null, maximum = null, step = 1, precision = null, placeholder = null } = this.props;
    return { minimum, maximum, step, precision, placeholder };
  }

  private round(value: number): number {
    const { precision } = this.props;
    if (precision === undefined || precision === null) return value;
    // toFixed rounds the exact binary value, half away from zero; -0 becomes 0.
    return JsNumber(value.toFixed(precision)) + 0;
  }
}
export interface NumberComponent extends Listeners<NumberEvent> {}

/** A finite number from a number or a numeric string (API clients may send either). */
function toNumber(value: unknown, title: string): number {
  let n: number = JsNumber.NaN;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && value.trim() !== "") n = JsNumber(value);
  if (!JsNumber.isFinite(n)) {
    const shown = typeof value === "string" ? JSON.stringify(value) : typeof value === "number" ? String(value) : typeof value;
    throw new TypeError(`${title} expects a finite number, got ${shown}`);
  }
  return n;
}

/**
 * A numeric field. As an input the function receives a `number` (rounded to `precision`
 * when set, and checked against `minimum`/`maximum`); as an output it returns one.
 * @example vt.Number({ label: "Age", minimum: 0, maximum: 130, precision: 0 })
 */
export function Number(props: NumberProps = {}): NumberComponent {
  return new NumberComponent(props);
}
export type Number = NumberComponent;
