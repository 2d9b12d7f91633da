// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ReturnOf, type ValueOf } from "@vitrine/core";
import { CheckboxGroup } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const g = CheckboxGroup({ choices: ["a", "b"] });
expectType<Equal<ValueOf<typeof g>, ("a" | "b")[]>>(true);
expectType<Equal<ReturnOf<typeof g>, readonly ("a" | "b")[] | null>>(true);
const pairs = CheckboxGroup({ choices: [["One", 1], ["Two", 2]], value: [2] });
expectType<Equal<ValueOf<typeof pairs>, (1 | 2)[]>>(true);
const byIndex = CheckboxGroup({ choices: ["a", "b"], type: "index" });
expectType<Equal<ValueOf<typeof byIndex>, number[]>>(true);
const mixed = CheckboxGroup({ choices: ["one", ["Two", 2]], value: [2] });
expectType<Equal<ValueOf<typeof mixed>, ("one" | 2)[]>>(true);

// @ts-expect-error the initial values must be among the choices
CheckboxGroup({ choices: ["a", "b"], value: ["c"] });
// @ts-expect-error the value is a list
CheckboxGroup({ choices: ["a", "b"], value: "a" });

Blocks(() => {
  const a = CheckboxGroup({ choices: ["a", "b"] });
  a.change({ fn: (list) => list, inputs: [a], outputs: [a] });
  a.change({
    inputs: [a],
    outputs: [a],
    // @ts-expect-error the output only takes the choices
    fn: () => ["c"],
  });
});
