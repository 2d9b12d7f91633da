// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type EventContext, type ReturnOf, type ValueOf } from "@vitrine/core";
import { BarPlot, LinePlot, ScatterPlot, type NativePlotData, type NativePlotSelectData, type NativePlotValue } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const line = LinePlot({ x: "day", y: "sales" });
// A function taking a plot gets Gradio's PlotData; one returning it gives a table.
expectType<Equal<ValueOf<typeof line>, NativePlotData | null>>(true);
expectType<Equal<ReturnOf<typeof line>, NativePlotValue | null>>(true);

// Every table shape is a value.
LinePlot({ value: [{ day: 1, sales: 2 }], x: "day", y: "sales" });
LinePlot({ value: [{ day: new Date(), sales: 2n }], x: "day", y: "sales" });
BarPlot({ value: { fruit: ["a", "b"], sold: [1, 2] }, x: "fruit", y: "sold" });
BarPlot({ value: { headers: ["a", "b"], data: [[1, 2]] }, x: "a", y: "b" });
ScatterPlot({ value: [[1, 2], [3, 4]], x: "a", y: "b" });
ScatterPlot({ value: () => [{ a: 1, b: 2 }], x: "a", y: "b" });

// @ts-expect-error y_aggregate is one of Gradio's aggregations
BarPlot({ y_aggregate: "avg" });
// @ts-expect-error sort is "x", "y", "-x", "-y" or a list
LinePlot({ sort: "z" });
// @ts-expect-error buttons are "fullscreen" and "export"
LinePlot({ buttons: ["share"] });
// @ts-expect-error a cell is a number, text, a boolean, a Date or null
LinePlot({ value: [{ a: { nested: 1 } }] });

Blocks(() => {
  const scatter = ScatterPlot({ x: "a", y: "b" });
  // select's data is typed: the x range, and a box's y range.
  scatter.select({
    fn: (ctx: EventContext<NativePlotSelectData>) => {
      const [from, to]: readonly [number, number] = ctx.event.data.index;
      const y: readonly [number, number] | undefined = ctx.event.data.y_range;
      return `${from}-${to} ${y?.[0]}`;
    },
    outputs: [],
  });
  scatter.double_click({ fn: () => undefined, outputs: [] });
  line.change({ fn: (plot) => plot, inputs: [line], outputs: [line] });
});
