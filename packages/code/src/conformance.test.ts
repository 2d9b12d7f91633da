import { expect } from "@jest/globals";
import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Code, type CodeProps } from "./index.js";

type Locator = TriggerContext["block"];

/** The editing area of the CodeMirror editor, once the lazily loaded editor is drawn. */
async function editing(block: Locator): Promise<Locator> {
  const content = block.locator(".cm-content");
  await content.waitFor({ state: "visible", timeout: 10_000 });
  return content;
}

describeComponent({
  create: (props: CodeProps) => Code(props),
  props: { language: "python" },
  samples: ['def greet(name):\n    return f"Hello {name}!"\n', "print(sum(range(10)))", ""],
  editor: (block) => block.locator(".cm-content"),
  // Gradio strips the code a function returns (its Code.postprocess does `value.strip()`).
  roundTrip: (back, sample) => expect(back).toBe((sample as string).trim()),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: async ({ block, page }) => {
      await (await editing(block)).click();
      await page.keyboard.press("End");
      await page.keyboard.type("  # typed");
    },
    focus: async ({ block }) => {
      const content = await editing(block);
      await content.blur();
      await content.focus();
    },
    blur: async ({ block }) => {
      const content = await editing(block);
      await content.focus();
      await content.blur();
    },
  },
});
