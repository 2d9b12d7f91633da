import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { ColorPicker, type ColorPickerProps } from "./index.js";

type Locator = TriggerContext["block"];

/** The hex text field beside the swatch (named "<label> hex"). */
const hex = (block: Locator) => block.getByRole("textbox", { name: / hex$/ });

describeComponent({
  create: (props: ColorPickerProps) => ColorPicker(props),
  samples: ["#ff6600", "#1e90ff", "#000000"],
  editor: (block) => block.locator("input"),
  events: {
    change: ({ sendValue }) => sendValue(),
    // What picking a colour in the browser's picker does to the swatch.
    input: ({ block }) => block.locator('input[type="color"]').fill("#00aa55"),
    submit: async ({ block }) => {
      await hex(block).fill("#336699");
      await hex(block).press("Enter");
    },
    focus: async ({ block }) => {
      await hex(block).blur();
      await hex(block).focus();
    },
    blur: async ({ block }) => {
      await hex(block).focus();
      await hex(block).blur();
    },
  },
});
