import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Dataframe, type DataframeProps } from "./index.js";

type Locator = TriggerContext["block"];

/** Edits the first cell of `block`'s table: double-click, type, Enter (as a user does). */
async function editFirstCell(block: Locator, text: string): Promise<void> {
  await block.getByRole("gridcell").first().dblclick();
  const editor = block.getByLabel(/^Edit .*, row 1$/).first();
  await editor.fill(text);
  await editor.press("Enter");
}

describeComponent({
  create: (props: DataframeProps) => Dataframe(props),
  props: { headers: ["fruit", "count"], datatype: ["str", "number"] },
  samples: [
    [["apple", 3], ["pear", 5]],
    [["fig", 1]],
    [["kiwi", 8], ["lime", 2], ["plum", 13]],
  ],
  editor: (block) => block.getByRole("grid"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: ({ block }) => editFirstCell(block, "mango"),
    edit: ({ block }) => editFirstCell(block, "quince"),
    select: ({ block }) => block.getByRole("gridcell").nth(1).click(),
  },
});
