import { describeComponent } from "@vitrine/component-test";
import { HighlightedText } from "./index.js";

describeComponent({
  create: HighlightedText,
  props: { show_legend: true },
  samples: [
    [["Ada Lovelace", "PER"], [" was born in ", null], ["London", "LOC"], [" in 1815.", null]],
    [["The movie was ", null], ["wonderful", 0.9], [" but far too ", null], ["long", -0.6], [".", null]],
    [["No entities here.", null]],
  ],
  editor: (block) => block.getByRole("textbox"),
  events: {
    change: ({ sendValue }) => sendValue(),
    select: ({ block }) => block.getByRole("group", { name: "Conformance label" }).getByRole("button").first().click(),
  },
});
