import * as vt from "vitrine";

const sounds = { cat: "meow", dog: "woof", parrot: "hello" } as const;

/**
 * Choices: a Dropdown of [label, value] pairs (its value picks a sound), a multiselect Dropdown
 * limited to two toppings (its `select` events are reported), a CheckboxGroup with Select All,
 * and a Dropdown and a CheckboxGroup as outputs.
 */
export function choices() {
  return vt.Blocks({ title: "Choices" }, () => {
    vt.Markdown("# Choices\nDropdowns (single, multiselect with at most two, custom values) and a CheckboxGroup, as inputs and as outputs.");
    vt.Row(() => {
      const animal = vt.Dropdown({
        choices: [["Cat", "cat"], ["Dog", "dog"], ["Parrot", "parrot"]],
        label: "Animal",
        info: "Type to filter; arrows and Enter choose",
      });
      const sound = vt.Textbox({ label: "Sound", interactive: false });
      animal.change({ fn: (a) => sounds[a], inputs: [animal], outputs: [sound], api_name: "sound" });
      const typed = vt.Textbox({ label: "Animal keys", interactive: false });
      const focus = vt.Textbox({ label: "Animal focus", interactive: false });
      animal.key_up({
        fn: (ctx: vt.EventContext) => {
          const data = ctx.event.data as { key: string; input_value: string };
          return `${data.key} → ${data.input_value}`;
        },
        outputs: [typed],
        api_name: false,
      });
      animal.focus({ fn: () => "focused", outputs: [focus], api_name: false });
      animal.blur({ fn: () => "blurred", outputs: [focus], api_name: false });
    });
    vt.Row(() => {
      const toppings = vt.Dropdown({
        choices: ["cheese", "olives", "mushrooms", "basil"],
        multiselect: true,
        max_choices: 2,
        label: "Toppings",
      });
      const order = vt.Textbox({ label: "Order", interactive: false });
      const picked = vt.Textbox({ label: "Last selected", interactive: false });
      toppings.change({
        fn: (list) => (list.length ? `pizza with ${list.join(" and ")}` : "plain pizza"),
        inputs: [toppings],
        outputs: [order],
        api_name: "order",
      });
      toppings.select({
        fn: (ctx: vt.EventContext) => {
          const data = ctx.event.data as { index: number; value: unknown; selected: boolean };
          return `${data.selected ? "selected" : "deselected"} ${String(data.value)} (index ${data.index})`;
        },
        outputs: [picked],
        api_name: false,
      });
    });
    vt.Row(() => {
      const city = vt.Dropdown({ choices: ["Paris", "Tokyo"], allow_custom_value: true, label: "City", value: "Paris" });
      const greeting = vt.Textbox({ label: "Greeting", interactive: false });
      city.change({ fn: (c) => `Hello from ${c}!`, inputs: [city], outputs: [greeting], api_name: "greet" });
    });
    vt.Row(() => {
      const countries = vt.CheckboxGroup({
        choices: [["USA", "us"], ["Japan", "jp"], ["Pakistan", "pk"]],
        label: "Countries",
        show_select_all: true,
      });
      const visited = vt.Textbox({ label: "Visited", interactive: false });
      const others = vt.CheckboxGroup({ choices: [["USA", "us"], ["Japan", "jp"], ["Pakistan", "pk"]], label: "Not visited", interactive: false });
      const firstPick = vt.Dropdown({ choices: [["USA", "us"], ["Japan", "jp"], ["Pakistan", "pk"]], label: "First visited", value: null, interactive: false });
      countries.change({
        fn: (list) => {
          const all = ["us", "jp", "pk"] as const;
          return [list.length ? list.join(",") : "none", all.filter((c) => !list.includes(c)), list[0] ?? null] as const;
        },
        inputs: [countries],
        outputs: [visited, others, firstPick],
        api_name: "visit",
      });
    });
  });
}
