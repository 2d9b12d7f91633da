import { describeComponent } from "@vitrine/component-test";
import { Radio, type RadioProps } from "./index.js";

describeComponent({
  create: (props: RadioProps) => Radio(props),
  props: { choices: ["Small", "Medium", ["Extra large", "XL"]] },
  samples: ["Medium", "XL", "Small"],
  editor: (block) => block.getByRole("radio"),
  events: {
    // A click on the option already chosen changes nothing: each trigger picks another one.
    select: ({ block }) => block.getByRole("radio", { checked: false }).first().click(),
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("radio", { checked: false }).last().click(),
  },
});
