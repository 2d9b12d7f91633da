import { describeComponent } from "@vitrine/component-test";
import { doubleClick, dragSelection, props, roundTrip, samples } from "./conformance-spec.js";
import { BarPlot, type NativePlotProps } from "./index.js";

describeComponent({
  create: (p: NativePlotProps) => BarPlot(p),
  name: "barplot",
  // The buttons, a title and a caption are checked for accessibility here too.
  props: { ...props, buttons: ["export", "fullscreen"], title: "Sales per day", caption: "Two regions, stacked" },
  samples,
  roundTrip,
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    select: ({ block }) => dragSelection(block),
    double_click: ({ block }) => doubleClick(block),
  },
});
