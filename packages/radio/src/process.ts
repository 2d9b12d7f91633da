import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  choiceSchema,
  normalizeChoice,
  pythonRepr,
  type AnyValueFunction,
  type ApiDescription,
  type Choice,
  type ChoiceValue,
  type ChoiceValues,
  type ComponentProps,
  type Listeners,
} from "@vitrine/core";
import { radioEvents, type RadioEvent, type RadioEventData } from "./events.js";

/** A choice's value: what the function receives and returns. */
export type RadioValue = ChoiceValue;

/** A choice: its value (shown as is), or a `[label, value]` pair, as in Gradio 4. */
export type RadioChoice<C extends RadioValue = RadioValue> = Choice<C>;

/** What the function receives: the chosen value, or its position in `choices`. */
export type RadioType = "value" | "index";

/** Props of a Radio whose choice values are `C`. */
export interface RadioProps<C extends RadioValue = string, T extends RadioType = "value">
  extends Omit<ComponentProps<C>, "value"> {
  /** The choices, in order: values, or `[label, value]` pairs. */
  choices?: readonly RadioChoice<C>[];
  /** The choice selected at first (a value from `choices`); none by default. */
  value?: NoInfer<C> | null | AnyValueFunction<NoInfer<C>>;
  /** `"value"` (default) passes the chosen value to the function, `"index"` its position. */
  type?: T;
}

/**
 * One choice out of a list. `C` is the union of the choice values and `T` says whether
 * the function receives the value (`"value"`) or its index (`"index"`).
 */
export class RadioComponent<C extends RadioValue = string, T extends RadioType = "value"> extends Component<
  T extends "index" ? number : C,
  C | null,
  C | null
> {
  static override readonly events = radioEvents;
  readonly type = "radio";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: RadioProps<C, T>;
  /** The choices as `[label, value]` pairs. */
  readonly choices: readonly (readonly [string, C])[];

  constructor(props: RadioProps<C, T> = {}) {
    super(props as ComponentProps<C | null>);
    this.choices = (props.choices ?? []).map((choice) => normalizeChoice("Radio", choice));
    const type = props.type ?? "value";
    if (type !== "value" && type !== "index") {
      throw new TypeError(`Radio: type must be "value" or "index", got ${JSON.stringify(type)}`);
    }
    if (this.valueProp !== undefined && this.valueProp !== null && this.indexOf(this.valueProp) < 0) {
      throw new RangeError(`Radio: the initial value ${JSON.stringify(this.valueProp)} is not one of the choices (${this.listChoices()})`);
    }
  }

  private get title(): string {
    return this.props.label ? `Radio "${this.props.label}"` : "Radio";
  }

  /** Position of `value` among the choice values, or -1. */
  indexOf(value: unknown): number {
    return this.choices.findIndex(([, v]) => v === value);
  }

  private listChoices(): string {
    return this.choices.map(([, v]) => JSON.stringify(v)).join(", ");
  }

  /**
   * Checks that the browser's value is one of the choices (a {@link VitrineError} the user
   * sees otherwise, including when nothing is selected), and returns it or its index.
   */
  override preprocess(payload: C | null | undefined): T extends "index" ? number : C {
    const index = this.indexOf(payload);
    if (index < 0) {
      const message =
        payload === null || payload === undefined
          ? `${this.title}: select one of the choices (${this.listChoices()})`
          : `${this.title}: ${JSON.stringify(payload)} is not one of the choices (${this.listChoices()})`;
      throw new VitrineError(message);
    }
    return ((this.props.type ?? "value") === "index" ? index : this.choices[index]![1]) as T extends "index" ? number : C;
  }

  override postprocess(value: C | null): C | null {
    return value === undefined ? null : value;
  }

  api(): ApiDescription {
    const values = this.choices.map(([, v]) => v);
    const type = choiceSchema(values);
    const pythonType = values.length ? `Literal[${values.map(pythonRepr).join(", ")}]` : "str";
    return { type, python_type: { type: pythonType, description: "" } };
  }

  override exampleInput(): C | null {
    return this.choices[0]?.[1] ?? null;
  }

  protected override ownProps(): Record<string, unknown> {
    return { choices: this.choices.map(([label, value]) => [label, value]), type: this.props.type ?? "value" };
  }
}
export interface RadioComponent<C extends RadioValue = string, T extends RadioType = "value"> extends Listeners<RadioEvent, RadioEventData> {}

/**
 * A group of radio buttons. The choice values type the function: with
 * `choices: ["add", "subtract"]` it receives `"add" | "subtract"` (or a `number` with
 * `type: "index"`). Choices may also be `[label, value]` pairs.
 * @example vt.Radio({ choices: ["add", "subtract"], label: "Operation" })
 * @example vt.Radio({ choices: [["Add", "add"], ["Take away", "sub"]], value: "add" })
 */
export function Radio<const C extends RadioValue = string, const T extends RadioType = "value">(
  props?: RadioProps<C, T>,
): RadioComponent<C, T>;
/** A Radio whose choices mix plain values and `[label, value]` pairs. */
export function Radio<const Choices extends readonly RadioChoice[], const T extends RadioType = "value">(
  props: Omit<RadioProps<ChoiceValues<Choices>, T>, "choices" | "value"> & {
    choices: Choices;
    value?: NoInfer<ChoiceValues<Choices>> | null | AnyValueFunction<NoInfer<ChoiceValues<Choices>>>;
  },
): RadioComponent<ChoiceValues<Choices>, T>;
export function Radio(props: RadioProps<RadioValue, RadioType> = {}): RadioComponent<RadioValue, RadioType> {
  return new RadioComponent(props);
}
export type Radio<C extends RadioValue = string, T extends RadioType = "value"> = RadioComponent<C, T>;
