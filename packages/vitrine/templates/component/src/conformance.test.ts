import { describeComponent } from "@vitrine/component-test";
import { __CLASS__ } from "./index.js";

// The conformance suite every Vitrine component runs, in headless chromium (build first).
describeComponent({
  create: __CLASS__,
  samples: ["Hello, world", ""],
  editor: (block) => block.getByRole("textbox"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("textbox").fill("typed by the user"),
    submit: ({ block }) => block.getByRole("textbox").press("Enter"),
  },
});
