import { describeComponent } from "@vitrine/component-test";
import { Plot, type PlotProps } from "./index.js";

describeComponent({
  create: (props: PlotProps) => Plot(props),
  samples: [
    { data: [{ type: "scatter", mode: "lines", name: "growth", x: [1, 2, 3, 4], y: [10, 15, 13, 17] }] },
    {
      data: [{ type: "bar", x: ["apples", "pears", "plums"], y: [5, 3, 8] }],
      layout: { title: { text: "Fruit sold" }, xaxis: { title: { text: "Fruit" } } },
    },
  ],
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
  },
});
