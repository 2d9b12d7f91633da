// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ValueOf, type ReturnOf } from "@vitrine/core";
import { DateTime, type DateTimeInput } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const seconds = DateTime();
expectType<Equal<ValueOf<typeof seconds>, number | null>>(true);
const date = DateTime({ type: "datetime" });
expectType<Equal<ValueOf<typeof date>, Date | null>>(true);
const text = DateTime({ type: "string", include_time: false });
expectType<Equal<ValueOf<typeof text>, string | null>>(true);
expectType<Equal<ReturnOf<typeof text>, DateTimeInput | null>>(true);

// @ts-expect-error type is one of timestamp, datetime, string
DateTime({ type: "iso" });

Blocks(() => {
  const d = DateTime({ type: "datetime" });
  d.change({ fn: (x: Date | null) => x, inputs: [d], outputs: [d] });
  d.change({
    // @ts-expect-error a "datetime" DateTime gives a Date, not a number
    fn: (x: number) => x,
    inputs: [d],
  });
});
