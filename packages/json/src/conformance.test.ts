import { describeComponent } from "@vitrine/component-test";
import { Json, type JsonProps } from "./index.js";

describeComponent({
  create: (props: JsonProps) => Json(props),
  samples: [
    { name: "Ada", scores: [3, 2.5, null], admin: true, address: { city: "London", zip: "NW1" } },
    [1, "two", { three: 3 }, [4, 5]],
    { model: "resnet-50", labels: ["cat", "dog"], threshold: 0.5, top_k: null },
    42,
  ],
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
  },
});
