// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, Component, type ApiDescription, type ComponentList, type ComponentProps, type Listeners, type WithValueFunction } from "./index.js";
import { Field, FieldComponent } from "../test/fixtures.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

class CountComponent extends Component<number, number, number> {
  static override readonly events = ["change"] as const;
  readonly type = "count";
  readonly ui = { file: "/dev/null" };
  api(): ApiDescription {
    return { type: { type: "number" }, python_type: { type: "float", description: "" } };
  }
}
interface CountComponent extends Listeners<"change"> {}

class TickComponent extends Component<number, number, number> {
  static override readonly events = ["tick"] as const;
  readonly type = "timer";
  readonly ui = { file: "/dev/null" };
  api(): ApiDescription {
    return { type: { type: "number" }, python_type: { type: "float", description: "" } };
  }
}
interface TickComponent extends Listeners<"tick"> {}

/** A factory that types its value function from `inputs`, as a component package can. */
function Live<const I extends ComponentList | undefined = undefined>(props: WithValueFunction<ComponentProps<string>, I> = {}): FieldComponent {
  return new FieldComponent(props as ComponentProps<string>);
}

Blocks(() => {
  const count = new CountComponent();
  const other = Field();

  // Every component's value: a value, or a function (sync or async) returning one.
  Field({ value: "plain" });
  Field({ value: () => new Date().toISOString() });
  Field({ value: async () => "later", every: 2 });
  Field({ value: () => null });
  // @ts-expect-error the function must return the component's value type
  Field({ value: () => 42 });
  // @ts-expect-error so must an async one
  Field({ value: async () => ({ text: "no" }) });

  // every: seconds, or a component that ticks.
  Field({ value: () => "x", every: new TickComponent() });
  // @ts-expect-error every is a number of seconds, not a string
  Field({ value: () => "x", every: "1" });
  // @ts-expect-error a Textbox-like field does not tick
  Field({ value: () => "x", every: other });

  // inputs: one component or a list.
  Field({ value: (n: number) => String(n), inputs: count });
  // @ts-expect-error inputs are components
  Field({ value: () => "x", inputs: ["count"] });

  // With a generic factory, the function's arguments are typed from `inputs`.
  Live({
    inputs: [count, other],
    value: (n, s) => {
      expectType<Equal<typeof n, number>>(true);
      expectType<Equal<typeof s, string>>(true);
      return `${s} ${n.toFixed(1)}`;
    },
  });
  Live({ inputs: count, value: (n) => n.toFixed(0) });
  Live({ value: () => "no inputs" });
  Live({ value: "plain" });
  Live({
    inputs: [count],
    // @ts-expect-error a count gives a number, not a string
    value: (n: string) => n,
  });
  Live({
    inputs: [count],
    // @ts-expect-error the result must be a string
    value: (n) => n,
  });
  Live({
    inputs: [count],
    // @ts-expect-error a misspelt type name
    value: (n: nmber) => String(n),
  });
  // @ts-expect-error more arguments than inputs
  Live({ inputs: [count], value: (n: number, s: string) => s + n });

  // A function's literal result keeps its literal type: it fits a component whose values are literals.
  const pick = (props: ComponentProps<"a" | "b">) => props;
  pick({ value: () => "b" });
  // (an async function's literal widens to string: say `as const`)
  pick({ value: async () => "a" as const });
  // @ts-expect-error "z" is not one of the values
  pick({ value: () => "z" });
});
