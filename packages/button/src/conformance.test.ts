import { describeComponent } from "@vitrine/component-test";
import { Button, type ButtonProps } from "./index.js";

describeComponent({
  create: (props: ButtonProps) => Button(props),
  samples: ["Greet", "Run the model again"],
  editor: (block) => block.getByRole("button"),
  events: {
    click: ({ block }) => block.getByRole("button").click(),
  },
  labelled: false,
});
