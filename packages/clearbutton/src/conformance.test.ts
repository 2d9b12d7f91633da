import { describeComponent } from "@vitrine/component-test";
import { ClearButton, type ClearButtonProps } from "./index.js";

describeComponent({
  // The components it clears (`.add()`) do not matter to the suite: its own view and event do.
  create: (props: ClearButtonProps) => ClearButton(props),
  samples: ["Clear", "Clear the form"],
  editor: (block) => block.getByRole("button"),
  events: {
    click: ({ block }) => block.getByRole("button").click(),
  },
  labelled: false,
});
