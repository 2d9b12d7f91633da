import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
} from "@vitrine/core";
import { dropdownEvents, type DropdownEvent, type DropdownEventData } from "./events.js";
import {
  choiceSchema,
  isChoiceValue,
  normalizeChoice,
  pythonRepr,
  type Choice,
  type ChoiceValue,
  type ChoiceValues,
} from "@vitrine/core";

export type { Choice as DropdownChoice, ChoiceValue as DropdownValue, ChoiceValues };

/** What the function receives: the chosen value(s), or their position(s) in `choices`. */
export type DropdownType = "value" | "index";

/** A value the Dropdown holds: one of the choices, or any string when custom values are allowed. */
export type DropdownItem<C extends ChoiceValue, A extends boolean> = A extends true ? C | string : C;

/** One argument item: the value, or its index (null for a custom value, which has none). */
export type DropdownArgItem<C extends ChoiceValue, T extends DropdownType, A extends boolean> = T extends "index"
  ? A extends true
    ? number | null
    : number
  : DropdownItem<C, A>;

/** What the function receives: one item, or a list of them with `multiselect`. */
export type DropdownArg<C extends ChoiceValue, T extends DropdownType, M extends boolean, A extends boolean> = M extends true
  ? DropdownArgItem<C, T, A>[]
  : DropdownArgItem<C, T, A>;

/** What a function returns for a Dropdown output (and its initial value): a value, a list with `multiselect`, or null. */
export type DropdownReturn<C extends ChoiceValue, M extends boolean, A extends boolean> =
  | (M extends true ? readonly DropdownItem<C, A>[] : DropdownItem<C, A>)
  | null;

/** Props of a Dropdown whose choice values are `C`. */
export interface DropdownProps<
  C extends ChoiceValue = string,
  T extends DropdownType = "value",
  M extends boolean = false,
  A extends boolean = false,
> extends Omit<ComponentProps<C>, "value"> {
  /** The choices, in order: values, or `[label, value]` pairs (the label is shown, the value passed). */
  choices?: readonly Choice<C>[];
  /**
   * The value at first. Left out: the first choice (none with `multiselect`), as in Gradio;
   * `null`: nothing selected. With `multiselect`, a list.
   */
  value?: NoInfer<DropdownReturn<C, M, A>>;
  /** `"value"` (default) passes the chosen value(s) to the function, `"index"` their position(s). */
  type?: T;
  /** Whether several choices may be selected; the function then receives a list. Default false. */
  multiselect?: M;
  /** Whether the user may type a value that is not among the choices. Default false. */
  allow_custom_value?: A;
  /** With `multiselect`, the most choices that may be selected. */
  max_choices?: number | null;
  /** Whether typing in the box filters the choices. Default true. */
  filterable?: boolean;
}

/**
 * A dropdown: one choice (or several, with `multiselect`) out of a list, filterable by typing.
 * `C` is the union of the choice values, `T` whether the function receives values or indices,
 * `M` whether it is a multiselect, `A` whether custom values are allowed.
 */
export class DropdownComponent<
  C extends ChoiceValue = string,
  T extends DropdownType = "value",
  M extends boolean = false,
  A extends boolean = false,
> extends Component<DropdownArg<C, T, M, A>, DropdownReturn<C, M, A>, DropdownItem<C, A> | DropdownItem<C, A>[] | null> {
  static override readonly events = dropdownEvents;
  readonly type = "dropdown";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: DropdownProps<C, T, M, A>;
  /** The choices as `[label, value]` pairs. */
  readonly choices: readonly (readonly [string, C])[];

  constructor(props: DropdownProps<C, T, M, A> = {}) {
    super(props as ComponentProps<DropdownReturn<C, M, A>>);
    this.choices = (props.choices ?? []).map((choice) => normalizeChoice("Dropdown", choice));
    const type = props.type ?? "value";
    if (type !== "value" && type !== "index") {
      throw new TypeError(`Dropdown: type must be "value" or "index", got ${JSON.stringify(type)}`);
    }
    const max = props.max_choices;
    if (max !== undefined && max !== null && !(Number.isInteger(max) && max >= 1)) {
      throw new RangeError(`Dropdown: max_choices must be a whole number of at least 1, got ${JSON.stringify(max)}`);
    }
    const value = this.valueProp as unknown;
    if (value === undefined || value === null) return;
    if (this.multiselect) {
      if (!Array.isArray(value)) throw new TypeError(`Dropdown: a multiselect's value must be a list, got ${JSON.stringify(value)}`);
      for (const item of value) this.checkInitial(item);
      if (max && value.length > max) throw new RangeError(`Dropdown: the initial value has ${value.length} choices, more than max_choices (${max})`);
    } else {
      this.checkInitial(value);
    }
  }

  /** Whether several choices may be selected. */
  get multiselect(): boolean {
    return this.props.multiselect === true;
  }

  private checkInitial(item: unknown): void {
    if (this.indexOf(item) >= 0) return;
    if (this.props.allow_custom_value && isChoiceValue(item)) return;
    throw new RangeError(`Dropdown: the initial value ${JSON.stringify(item)} is not one of the choices (${this.listChoices()})`);
  }

  private get title(): string {
    return this.props.label ? `Dropdown "${this.props.label}"` : "Dropdown";
  }

  /** Position of `value` among the choice values, or -1. */
  indexOf(value: unknown): number {
    return this.choices.findIndex(([, v]) => v === value);
  }

  private listChoices(): string {
    return this.choices.map(([, v]) => JSON.stringify(v)).join(", ");
  }

  /** One wire item as the function's argument item; a value outside the choices is a VitrineError unless custom values are allowed. */
  private item(payload: unknown): unknown {
    const index = this.indexOf(payload);
    const byIndex = (this.props.type ?? "value") === "index";
    if (index >= 0) return byIndex ? index : this.choices[index]![1];
    if (this.props.allow_custom_value && isChoiceValue(payload)) return byIndex ? null : payload;
    throw new VitrineError(`${this.title}: ${JSON.stringify(payload)} is not one of the choices (${this.listChoices()})`);
  }

  /**
   * Checks the browser's value against the choices (a {@link VitrineError} the user sees for a
   * value outside them unless `allow_custom_value`, for no selection in a single dropdown, and for
   * more than `max_choices`), and returns the value(s) or index(es).
   */
  override preprocess(payload: unknown): DropdownArg<C, T, M, A> {
    if (this.multiselect) {
      const items = payload === null || payload === undefined ? [] : payload;
      if (!Array.isArray(items)) throw new VitrineError(`${this.title}: expected a list of choices, got ${JSON.stringify(payload)}`);
      const max = this.props.max_choices;
      if (max && items.length > max) {
        throw new VitrineError(`${this.title}: choose at most ${max} choice${max === 1 ? "" : "s"}, got ${items.length}`);
      }
      return items.map((item) => this.item(item)) as DropdownArg<C, T, M, A>;
    }
    if (payload === null || payload === undefined || (Array.isArray(payload) && payload.length === 0)) {
      throw new VitrineError(`${this.title}: select one of the choices (${this.listChoices()})`);
    }
    return this.item(payload) as DropdownArg<C, T, M, A>;
  }

  /** The returned value as the wire value: a list with `multiselect` (a single value becomes a one-item list), null for none. */
  override postprocess(value: DropdownReturn<C, M, A>): DropdownItem<C, A> | DropdownItem<C, A>[] | null {
    if (this.multiselect) {
      if (value === null || value === undefined) return [];
      return (Array.isArray(value) ? [...value] : [value]) as DropdownItem<C, A>[];
    }
    return value === undefined ? null : (value as DropdownItem<C, A> | null);
  }

  override emptyPayload(): unknown {
    return this.multiselect ? [] : null;
  }

  /** The initial value: the given one, else (left out) the first choice of a single dropdown, as Gradio. */
  override initialPayload(): unknown {
    if (this.props.value === undefined && !this.multiselect) return this.choices[0]?.[1] ?? null;
    return super.initialPayload();
  }

  api(): ApiDescription {
    const values = this.choices.map(([, v]) => v);
    const custom = this.props.allow_custom_value === true || values.length === 0;
    const item = custom ? { type: "string" } : choiceSchema(values);
    const pyItem = custom ? "str" : `Literal[${values.map(pythonRepr).join(", ")}]`;
    if (this.multiselect) {
      return {
        type: { type: "array", items: item },
        python_type: { type: `list[${pyItem}]`, description: "" },
      };
    }
    return { type: item, python_type: { type: pyItem, description: "" } };
  }

  override exampleInput(): unknown {
    const first = this.choices[0]?.[1] ?? null;
    return this.multiselect ? (first === null ? [] : [first]) : first;
  }

  protected override ownProps(): Record<string, unknown> {
    return {
      choices: this.choices.map(([label, value]) => [label, value]),
      type: this.props.type ?? "value",
      multiselect: this.multiselect,
      allow_custom_value: this.props.allow_custom_value === true,
      max_choices: this.props.max_choices ?? null,
      filterable: this.props.filterable !== false,
    };
  }
}
export interface DropdownComponent<
  C extends ChoiceValue = string,
  T extends DropdownType = "value",
  M extends boolean = false,
  A extends boolean = false,
> extends Listeners<DropdownEvent, DropdownEventData> {}

/**
 * A dropdown. The choice values type the function: with `choices: ["cat", "dog"]` it receives
 * `"cat" | "dog"`, with `multiselect: true` a `("cat" | "dog")[]`, with `type: "index"` the
 * position(s). Choices may also be `[label, value]` pairs.
 * @example vt.Dropdown({ choices: ["cat", "dog"], label: "Animal" })
 * @example vt.Dropdown({ choices: [["Red", "r"], ["Green", "g"]], multiselect: true, max_choices: 2 })
 */
export function Dropdown<
  const C extends ChoiceValue = string,
  const T extends DropdownType = "value",
  const M extends boolean = false,
  const A extends boolean = false,
>(props?: DropdownProps<C, T, M, A>): DropdownComponent<C, T, M, A>;
/** A Dropdown whose choices mix plain values and `[label, value]` pairs. */
export function Dropdown<
  const Choices extends readonly Choice[],
  const T extends DropdownType = "value",
  const M extends boolean = false,
  const A extends boolean = false,
>(
  props: Omit<DropdownProps<ChoiceValues<Choices>, T, M, A>, "choices" | "value"> & {
    choices: Choices;
    value?: NoInfer<DropdownReturn<ChoiceValues<Choices>, M, A>>;
  },
): DropdownComponent<ChoiceValues<Choices>, T, M, A>;
export function Dropdown(props: DropdownProps<ChoiceValue, DropdownType, boolean, boolean> = {}): DropdownComponent<ChoiceValue, DropdownType, boolean, boolean> {
  return new DropdownComponent(props);
}
export type Dropdown<
  C extends ChoiceValue = string,
  T extends DropdownType = "value",
  M extends boolean = false,
  A extends boolean = false,
> = DropdownComponent<C, T, M, A>;
