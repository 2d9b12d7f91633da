import { describeComponent } from "@vitrine/component-test";
import { CheckboxGroup, type CheckboxGroupProps } from "./index.js";

describeComponent({
  create: (props: CheckboxGroupProps) => CheckboxGroup(props),
  props: { choices: ["Apples", "Pears", ["Cherry pie", "Cherries"]], show_select_all: true },
  samples: [["Apples", "Cherries"], ["Pears"], []],
  editor: (block) => block.getByRole("checkbox"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("checkbox", { name: "Pears" }).click(),
    select: ({ block }) => block.getByRole("checkbox", { name: "Cherry pie" }).click(),
  },
});
