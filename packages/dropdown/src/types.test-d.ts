// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ReturnOf, type ValueOf } from "@vitrine/core";
import { Dropdown } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const animal = Dropdown({ choices: ["cat", "dog"] });
expectType<Equal<ValueOf<typeof animal>, "cat" | "dog">>(true);
expectType<Equal<ReturnOf<typeof animal>, "cat" | "dog" | null>>(true);

const pairs = Dropdown({ choices: [["Red", "r"], ["Green", "g"]], value: "g" });
expectType<Equal<ValueOf<typeof pairs>, "r" | "g">>(true);

const many = Dropdown({ choices: ["a", "b", "c"], multiselect: true, max_choices: 2, value: ["a"] });
expectType<Equal<ValueOf<typeof many>, ("a" | "b" | "c")[]>>(true);
expectType<Equal<ReturnOf<typeof many>, readonly ("a" | "b" | "c")[] | null>>(true);

const byIndex = Dropdown({ choices: ["a", "b"], type: "index" });
expectType<Equal<ValueOf<typeof byIndex>, number>>(true);

const indices = Dropdown({ choices: ["a", "b"], type: "index", multiselect: true });
expectType<Equal<ValueOf<typeof indices>, number[]>>(true);

const custom = Dropdown({ choices: ["a", "b"], allow_custom_value: true, value: "zzz" });
expectType<Equal<ValueOf<typeof custom>, string>>(true);

const customIndex = Dropdown({ choices: ["a", "b"], allow_custom_value: true, type: "index" });
expectType<Equal<ValueOf<typeof customIndex>, number | null>>(true);

const mixed = Dropdown({ choices: ["one", ["Two", 2]], value: 2 });
expectType<Equal<ValueOf<typeof mixed>, "one" | 2>>(true);

const untyped = Dropdown();
expectType<Equal<ValueOf<typeof untyped>, string>>(true);

// @ts-expect-error the initial value must be one of the choices
Dropdown({ choices: ["cat", "dog"], value: "cow" });
// @ts-expect-error a multiselect's value is a list
Dropdown({ choices: ["cat", "dog"], multiselect: true, value: "cat" });
// @ts-expect-error choices are values or [label, value] pairs
Dropdown({ choices: [{ label: "a" }] });

Blocks(() => {
  const a = Dropdown({ choices: ["cat", "dog"] });
  const m = Dropdown({ choices: ["cat", "dog"], multiselect: true });
  a.change({ fn: (o) => o, inputs: [a], outputs: [a] });
  m.change({ fn: (list) => list.length, inputs: [m] });
  a.select({ fn: (_o, ctx) => String(ctx.event.index), inputs: [a] });
  a.change({
    // @ts-expect-error the function receives "cat" | "dog", not a number
    fn: (o: number) => o,
    inputs: [a],
  });
  a.change({
    inputs: [a],
    outputs: [a],
    // @ts-expect-error the output only takes one of the choices
    fn: () => "cow",
  });
});
