import { describeComponent } from "@vitrine/component-test";
import { Checkbox, type CheckboxProps } from "./index.js";

describeComponent({
  create: (props: CheckboxProps) => Checkbox(props),
  samples: [true, false],
  editor: (block) => block.getByRole("checkbox"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("checkbox").click(),
    select: ({ block }) => block.getByRole("checkbox").click(),
  },
});
