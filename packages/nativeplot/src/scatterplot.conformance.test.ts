import { describeComponent } from "@vitrine/component-test";
import { doubleClick, dragSelection, props, roundTrip, samples } from "./conformance-spec.js";
import { ScatterPlot, type NativePlotProps } from "./index.js";

describeComponent({
  create: (p: NativePlotProps) => ScatterPlot(p),
  name: "scatterplot",
  props,
  samples,
  roundTrip,
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    select: ({ block }) => dragSelection(block),
    double_click: ({ block }) => doubleClick(block),
  },
});
