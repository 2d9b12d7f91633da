import { describeComponent } from "@vitrine/component-test";
import { doubleClick, dragSelection, props, roundTrip, samples } from "./conformance-spec.js";
import { LinePlot, type NativePlotProps } from "./index.js";

describeComponent({
  create: (p: NativePlotProps) => LinePlot(p),
  name: "lineplot",
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
