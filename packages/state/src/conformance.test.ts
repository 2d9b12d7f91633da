import { describeComponent } from "@vitrine/component-test";
import { State } from "./index.js";

describeComponent({
  create: State,
  drawn: false,
  samples: [{ history: ["hi", "hello"], turns: 2 }, [1, 2, 3], "a plain string"],
  editor: null,
  events: {
    // A State changes when a function gives it a new value.
    change: ({ sendValue }) => sendValue(),
  },
});
