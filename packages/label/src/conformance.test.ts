import { describeComponent } from "@vitrine/component-test";
import { Label } from "./index.js";

describeComponent({
  create: Label,
  // The second sample has confidences too: "select" clicks one after "change" has sent it.
  samples: [{ cat: 0.72, dog: 0.2, bird: 0.08 }, { "5 stars": 0.55, "4 stars": 0.3, "3 stars": 0.15 }, "Positive"],
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    select: ({ block }) => block.getByRole("button").first().click(),
  },
});
