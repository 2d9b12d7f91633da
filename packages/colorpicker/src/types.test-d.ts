// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ReturnOf, type ValueOf } from "@vitrine/core";
import { ColorPicker } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const c = ColorPicker({ value: "#ff8800" });
expectType<Equal<ValueOf<typeof c>, string>>(true);
expectType<Equal<ReturnOf<typeof c>, string | null>>(true);

// @ts-expect-error a colour is text
ColorPicker({ value: 0xff8800 });

Blocks(() => {
  const a = ColorPicker();
  a.change({ fn: (hex: string) => hex.toUpperCase(), inputs: [a], outputs: [a] });
  a.change({
    // @ts-expect-error the function receives a string
    fn: (x: number) => x,
    inputs: [a],
  });
});
