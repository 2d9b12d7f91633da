import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
} from "@vitrine/core";
import { checkboxGroupEvents, type CheckboxGroupEvent, type CheckboxGroupEventData } from "./events.js";
import { choiceSchema, normalizeChoice, pythonRepr, type AnyValueFunction, type Choice, type ChoiceValue, type ChoiceValues } from "@vitrine/core";

export type { Choice as CheckboxGroupChoice, ChoiceValue as CheckboxGroupValue, ChoiceValues };

/** What the function receives: the ticked values, or their positions in `choices`. */
export type CheckboxGroupType = "value" | "index";

/** Props of a CheckboxGroup whose choice values are `C`. */
export interface CheckboxGroupProps<C extends ChoiceValue = string, T extends CheckboxGroupType = "value">
  extends Omit<ComponentProps<C>, "value"> {
  /** The choices, in order: values, or `[label, value]` pairs (the label is shown, the value passed). */
  choices?: readonly Choice<C>[];
  /** The values ticked at first (from `choices`); none by default. */
  value?: readonly NoInfer<C>[] | null | AnyValueFunction<readonly NoInfer<C>[]>;
  /** `"value"` (default) passes the ticked values to the function, `"index"` their positions. */
  type?: T;
  /** Whether a "Select All" checkbox ticks or clears every choice at once. Default false, as Gradio. */
  show_select_all?: boolean;
}

/**
 * A group of checkboxes: any number of choices out of a list. `C` is the union of the choice
 * values and `T` whether the function receives the values or their indices.
 */
export class CheckboxGroupComponent<C extends ChoiceValue = string, T extends CheckboxGroupType = "value"> extends Component<
  T extends "index" ? number[] : C[],
  readonly C[] | null,
  C[]
> {
  static override readonly events = checkboxGroupEvents;
  readonly type = "checkboxgroup";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: CheckboxGroupProps<C, T>;
  /** The choices as `[label, value]` pairs. */
  readonly choices: readonly (readonly [string, C])[];

  constructor(props: CheckboxGroupProps<C, T> = {}) {
    super(props as ComponentProps<readonly C[] | null>);
    this.choices = (props.choices ?? []).map((choice) => normalizeChoice("CheckboxGroup", choice));
    const type = props.type ?? "value";
    if (type !== "value" && type !== "index") {
      throw new TypeError(`CheckboxGroup: type must be "value" or "index", got ${JSON.stringify(type)}`);
    }
    const value = this.valueProp as unknown;
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) throw new TypeError(`CheckboxGroup: value must be a list, got ${JSON.stringify(value)}`);
    for (const item of value) {
      if (this.indexOf(item) < 0) {
        throw new RangeError(`CheckboxGroup: the initial value ${JSON.stringify(item)} is not one of the choices (${this.listChoices()})`);
      }
    }
  }

  private get title(): string {
    return this.props.label ? `CheckboxGroup "${this.props.label}"` : "CheckboxGroup";
  }

  /** Position of `value` among the choice values, or -1. */
  indexOf(value: unknown): number {
    return this.choices.findIndex(([, v]) => v === value);
  }

  private listChoices(): string {
    return this.choices.map(([, v]) => JSON.stringify(v)).join(", ");
  }

  /**
   * Checks that every ticked value is one of the choices (a {@link VitrineError} the user sees
   * otherwise) and returns the values, or their indices with `type: "index"`.
   */
  override preprocess(payload: unknown): T extends "index" ? number[] : C[] {
    const items = payload === null || payload === undefined ? [] : payload;
    if (!Array.isArray(items)) throw new VitrineError(`${this.title}: expected a list of choices, got ${JSON.stringify(payload)}`);
    const byIndex = (this.props.type ?? "value") === "index";
    return items.map((item) => {
      const index = this.indexOf(item);
      if (index < 0) throw new VitrineError(`${this.title}: ${JSON.stringify(item)} is not one of the choices (${this.listChoices()})`);
      return byIndex ? index : this.choices[index]![1];
    }) as T extends "index" ? number[] : C[];
  }

  /** The returned values as the wire value (a single value becomes a one-item list; null, none). */
  override postprocess(value: readonly C[] | null): C[] {
    if (value === null || value === undefined) return [];
    return Array.isArray(value) ? [...value] : [value as unknown as C];
  }

  override emptyPayload(): C[] {
    return [];
  }

  api(): ApiDescription {
    const values = this.choices.map(([, v]) => v);
    const item = values.length ? choiceSchema(values) : { type: "string" };
    const pyItem = values.length ? `Literal[${values.map(pythonRepr).join(", ")}]` : "str";
    return { type: { type: "array", items: item }, python_type: { type: `list[${pyItem}]`, description: "" } };
  }

  override exampleInput(): C[] {
    const first = this.choices[0];
    return first ? [first[1]] : [];
  }

  protected override ownProps(): Record<string, unknown> {
    return {
      choices: this.choices.map(([label, value]) => [label, value]),
      type: this.props.type ?? "value",
      show_select_all: this.props.show_select_all === true,
    };
  }
}
export interface CheckboxGroupComponent<C extends ChoiceValue = string, T extends CheckboxGroupType = "value">
  extends Listeners<CheckboxGroupEvent, CheckboxGroupEventData> {}

/**
 * A group of checkboxes. The choice values type the function: with `choices: ["a", "b"]` it
 * receives `("a" | "b")[]` (a `number[]` with `type: "index"`). Choices may also be
 * `[label, value]` pairs.
 * @example vt.CheckboxGroup({ choices: ["USA", "Japan", "Pakistan"], label: "Countries", show_select_all: true })
 */
export function CheckboxGroup<const C extends ChoiceValue = string, const T extends CheckboxGroupType = "value">(
  props?: CheckboxGroupProps<C, T>,
): CheckboxGroupComponent<C, T>;
/** A CheckboxGroup whose choices mix plain values and `[label, value]` pairs. */
export function CheckboxGroup<const Choices extends readonly Choice[], const T extends CheckboxGroupType = "value">(
  props: Omit<CheckboxGroupProps<ChoiceValues<Choices>, T>, "choices" | "value"> & {
    choices: Choices;
    value?: readonly NoInfer<ChoiceValues<Choices>>[] | null | AnyValueFunction<readonly NoInfer<ChoiceValues<Choices>>[]>;
  },
): CheckboxGroupComponent<ChoiceValues<Choices>, T>;
export function CheckboxGroup(props: CheckboxGroupProps<ChoiceValue, CheckboxGroupType> = {}): CheckboxGroupComponent<ChoiceValue, CheckboxGroupType> {
  return new CheckboxGroupComponent(props);
}
export type CheckboxGroup<C extends ChoiceValue = string, T extends CheckboxGroupType = "value"> = CheckboxGroupComponent<C, T>;
