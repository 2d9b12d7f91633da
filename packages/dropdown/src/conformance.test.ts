import { describeComponent, type EventTrigger } from "@vitrine/component-test";
import { Dropdown, type DropdownProps } from "./index.js";

const choices: DropdownProps["choices"] = ["Paris", "Tokyo", ["New York", "NYC"]];

/** Opens the list and picks a choice that is not selected yet: what `input` and `select` need. */
const pickAnother: EventTrigger = async ({ block }) => {
  await block.getByRole("combobox").click();
  await block.getByRole("option", { selected: false }).first().click();
};

/** The triggers a single dropdown and a multiselect share. */
const events = {
  change: (({ sendValue }) => sendValue()) satisfies EventTrigger,
  input: pickAnother,
  select: pickAnother,
  focus: (async ({ block }) => {
    await block.getByRole("combobox").blur();
    await block.getByRole("combobox").focus();
  }) satisfies EventTrigger,
  blur: (async ({ block }) => {
    await block.getByRole("combobox").focus();
    await block.getByRole("combobox").blur();
  }) satisfies EventTrigger,
  key_up: (async ({ block }) => {
    await block.getByRole("combobox").focus();
    await block.getByRole("combobox").press("ArrowDown");
    await block.getByRole("combobox").press("Escape");
  }) satisfies EventTrigger,
};

describeComponent({
  create: (props: DropdownProps) => Dropdown(props),
  props: { choices },
  samples: ["Tokyo", "NYC", "Paris"],
  editor: (block) => block.getByRole("combobox"),
  events,
});

describeComponent({
  name: "dropdown (multiselect)",
  create: (props: DropdownProps<string, "value", true>) => Dropdown(props),
  props: { choices, multiselect: true, max_choices: 3 },
  samples: [["Paris", "NYC"], ["Tokyo"], []],
  editor: (block) => block.getByRole("combobox"),
  events,
});
