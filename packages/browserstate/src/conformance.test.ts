import { describeComponent } from "@vitrine/component-test";
import { BrowserState } from "./index.js";

describeComponent({
  create: BrowserState,
  drawn: false,
  props: { storage_key: "conformance-test" },
  samples: [{ theme: "dark", visits: 3 }, ["a", "b"]],
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
  },
});
