import { describeComponent } from "@vitrine/component-test";
import { DuplicateButton, type DuplicateButtonProps } from "./index.js";

describeComponent({
  // Off a Space (no SPACE_ID), it is a plain button that fires "click".
  create: (props: DuplicateButtonProps) => DuplicateButton(props),
  samples: ["Duplicate Space", "Duplicate this app"],
  editor: (block) => block.getByRole("button"),
  events: {
    click: ({ block }) => block.getByRole("button").click(),
  },
  labelled: false,
});
