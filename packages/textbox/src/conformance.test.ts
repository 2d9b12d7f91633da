import { describeComponent } from "@vitrine/component-test";
import { Textbox } from "./index.js";

describeComponent({
  create: Textbox,
  props: { show_copy_button: true },
  samples: ["Hello, world", "second line\nand a third", ""],
  editor: (block) => block.getByRole("textbox"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => block.getByRole("textbox").fill("typed by the user"),
    submit: ({ block }) => block.getByRole("textbox").press("Enter"),
    focus: async ({ block }) => {
      await block.getByRole("textbox").blur();
      await block.getByRole("textbox").focus();
    },
    blur: async ({ block }) => {
      await block.getByRole("textbox").focus();
      await block.getByRole("textbox").blur();
    },
    select: async ({ block }) => {
      await block.getByRole("textbox").press("End");
      await block.getByRole("textbox").press("Shift+Home");
    },
    copy: ({ block }) => block.getByRole("button", { name: /copy/i }).click(),
    stop: "its button shows only while an event that updates the field runs; browser-textbox.test.ts fires it",
  },
});
