import { describeComponent } from "@vitrine/component-test";
import { Number, type NumberProps } from "./index.js";

describeComponent({
  create: (props: NumberProps) => Number(props),
  samples: [42, -3.75, 0],
  editor: (block) => block.getByRole("spinbutton"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("spinbutton").fill("17"),
    submit: ({ block }) => block.getByRole("spinbutton").press("Enter"),
    focus: async ({ block }) => {
      await block.getByRole("spinbutton").blur();
      await block.getByRole("spinbutton").focus();
    },
    blur: async ({ block }) => {
      await block.getByRole("spinbutton").focus();
      await block.getByRole("spinbutton").blur();
    },
  },
});
