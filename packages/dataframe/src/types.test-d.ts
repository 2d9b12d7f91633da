// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ReturnOf, type ValueOf } from "@vitrine/core";
import { Dataframe, type CellValue, type DataframeRecord, type DataframeReturn } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const rows = Dataframe({ headers: ["a", "b"] });
expectType<Equal<ValueOf<typeof rows>, CellValue[][]>>(true);
expectType<Equal<ReturnOf<typeof rows>, DataframeReturn>>(true);

const records = Dataframe({ type: "records", headers: ["a", "b"] });
expectType<Equal<ValueOf<typeof records>, DataframeRecord[]>>(true);

// @ts-expect-error Gradio's Python types are not types here
Dataframe({ type: "pandas" });
// @ts-expect-error datatypes are Gradio's names
Dataframe({ datatype: "integer" });
// @ts-expect-error a count is a number or [n, "fixed" | "dynamic"]
Dataframe({ row_count: [3, "static"] });

Blocks(() => {
  const input = Dataframe({ type: "records" });
  const output = Dataframe();
  // A function may return records, rows, a column of cells or { headers, data }.
  input.change({ fn: (r) => r.map((x) => ({ ...x, n: 1 })), inputs: [input], outputs: [output] });
  input.change({ fn: (r) => r.map((x) => [x["a"] ?? null]), inputs: [input], outputs: [output] });
  input.change({ fn: () => [1, 2, 3], inputs: [input], outputs: [output] });
  input.change({ fn: () => ({ headers: ["x"], data: [[new Date()]] }), inputs: [input], outputs: [output] });
  // @ts-expect-error a table is not a number
  input.change({ fn: () => 3, inputs: [input], outputs: [output] });
  input.select({ fn: (ctx) => ctx.event.row_value.map(String), outputs: [output] });
  input.change({
    inputs: [input],
    outputs: [output],
    // A string is the path of a CSV file.
    fn: () => "table.csv",
  });
});
