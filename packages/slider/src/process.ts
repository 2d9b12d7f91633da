import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
} from "@vitrine/core";
import { sliderEvents, type SliderEvent } from "./events.js";

/** Props of a Slider. */
export interface SliderProps extends ComponentProps<number> {
  /** Left end of the range. Default 0. */
  minimum?: number;
  /** Right end of the range. Default 100. */
  maximum?: number;
  /** Increment between values. Default 1. */
  step?: number;
  /** Whether the initial value is drawn at random from the range (on the step grid). Default false. */
  randomize?: boolean;
}

/** A slider over `[minimum, maximum]`: a `number` in and out. */
export class SliderComponent extends Component<number, number | null, number> {
  static override readonly events = sliderEvents;
  readonly type = "slider";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: SliderProps;

  constructor(props: SliderProps = {}) {
    super(props);
    const { minimum = 0, maximum = 100, step = 1 } = props;
    for (const [key, n] of [["minimum", minimum], ["maximum", maximum], ["step", step]] as const) {
      if (typeof n !== "number" || !Number.isFinite(n)) throw new TypeError(`Slider: ${key} must be a finite number, got ${String(n)}`);
    }
    if (minimum > maximum) throw new RangeError(`Slider: minimum (${minimum}) is greater than maximum (${maximum})`);
    if (step <= 0) throw new RangeError(`Slider: step must be positive, got ${step}`);
  }

  /** The left end of the range. */
  get minimum(): number {
    return this.props.minimum ?? 0;
  }

  /** The right end of the range. */
  get maximum(): number {
    return this.props.maximum ?? 100;
  }

  /** The increment between values. */
  get step(): number {
    return this.props.step ?? 1;
  }

  private get title(): string {
    return this.props.label ? `Slider "${this.props.label}"` : "Slider";
  }

  /**
   * Checks the browser's value: a missing one is the minimum, a non-number a `TypeError`,
   * and one outside the range a {@link VitrineError} the user sees.
   */
  override preprocess(payload: number | string | null | undefined): number {
    if (payload === null || payload === undefined) return this.minimum;
    const value = typeof payload === "string" && payload.trim() !== "" ? Number(payload) : payload;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const shown = typeof payload === "string" ? JSON.stringify(payload) : typeof payload === "number" ? String(payload) : typeof payload;
      throw new TypeError(`${this.title} expects a finite number, got ${shown}`);
    }
    if (value < this.minimum) throw new VitrineError(`${this.title}: ${value} is less than the minimum, ${this.minimum}`);
    if (value > this.maximum) throw new VitrineError(`${this.title}: ${value} is greater than the maximum, ${this.maximum}`);
    return value;
  }

  /** A missing value shows as the minimum, as in Gradio. */
  override postprocess(value: number | null): number {
    if (value === null || value === undefined) return this.minimum;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new TypeError(`${this.title} expects a finite number, got ${typeof value === "number" ? value : typeof value}`);
    }
    return value;
  }

  override initialPayload(): number {
    if (this.props.randomize) {
      const steps = Math.floor((this.maximum - this.minimum) / this.step + 1e-9);
      const value = this.minimum + Math.floor(Math.random() * (steps + 1)) * this.step;
      return Math.min(this.maximum, roundTo(value, Math.max(decimalsOf(this.step), decimalsOf(this.minimum))));
    }
    return this.postprocess(this.valueProp ?? null);
  }

  override emptyPayload(): number {
    return this.minimum;
  }

  api(): ApiDescription {
    const description = `numeric value between ${this.minimum} and ${this.maximum}`;
    return {
      type: { type: "number", minimum: this.minimum, maximum: this.maximum, description },
      python_type: { type: "float", description },
    };
  }

  override exampleInput(): number {
    return this.minimum;
  }

  protected override ownProps(): Record<string, unknown> {
    return { minimum: this.minimum, maximum: this.maximum, step: this.step };
  }
}
export interface SliderComponent extends Listeners<SliderEvent> {}

/** Decimal places of a number as written (`0.25` → 2, `1e-7` → 7). */
function decimalsOf(n: number): number {
  const [mantissa = "", exponent = "0"] = String(n).split("e");
  const decimals = (mantissa.split(".")[1] ?? "").length - Number(exponent);
  return Math.max(0, Math.min(100, decimals));
}

/** Drops the float noise `min + k * step` picks up (0.1 * 3 = 0.30000000000000004). */
function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/**
 * A slider. As an input the function receives a `number` within `[minimum, maximum]`;
 * as an output it returns one.
 * @example vt.Slider({ minimum: 1, maximum: 5, step: 1, label: "Times" })
 */
export function Slider(props: SliderProps = {}): SliderComponent {
  return new SliderComponent(props);
}
export type Slider = SliderComponent;
