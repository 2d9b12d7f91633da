// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ValueOf } from "@vitrine/core";
import { Radio } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const op = Radio({ choices: ["add", "subtract"] });
expectType<Equal<ValueOf<typeof op>, "add" | "subtract">>(true);

const pairs = Radio({ choices: [["Add", "add"], ["Take away", "sub"]] });
expectType<Equal<ValueOf<typeof pairs>, "add" | "sub">>(true);

const numbers = Radio({ choices: [["One", 1], ["Two", 2]], value: 2 });
expectType<Equal<ValueOf<typeof numbers>, 1 | 2>>(true);

const byIndex = Radio({ choices: ["a", "b"], type: "index" });
expectType<Equal<ValueOf<typeof byIndex>, number>>(true);

const mixed = Radio({ choices: ["one", ["Two", 2]], value: 2 });
expectType<Equal<ValueOf<typeof mixed>, "one" | 2>>(true);

const explicit = Radio<"x" | "y">({ choices: ["x", "y"] });
expectType<Equal<ValueOf<typeof explicit>, "x" | "y">>(true);

const untyped = Radio();
expectType<Equal<ValueOf<typeof untyped>, string>>(true);

// @ts-expect-error the initial value must be one of the choices
Radio({ choices: ["add", "subtract"], value: "divide" });
// @ts-expect-error the initial value must be one of the choices, mixed or not
Radio({ choices: ["one", ["Two", 2]], value: 3 });
// @ts-expect-error choices are values or [label, value] pairs
Radio({ choices: [{ label: "a" }] });

Blocks(() => {
  const a = Radio({ choices: ["add", "subtract"] });
  a.change({ fn: (o) => o, inputs: [a], outputs: [a] });
  a.change({
    // @ts-expect-error the function receives "add" | "subtract", not a number
    fn: (o: number) => o,
    inputs: [a],
  });
  a.change({
    inputs: [a],
    outputs: [a],
    // @ts-expect-error the output only takes one of the choices
    fn: () => "divide",
  });
});
