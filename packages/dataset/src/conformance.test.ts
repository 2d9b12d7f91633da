import { expect } from "@jest/globals";
import { describeComponent } from "@vitrine/component-test";
import { Textbox } from "@vitrine/textbox";
import { Dataset, type DatasetProps } from "./index.js";

// The column component: made once with `render: false`, as an Examples table's columns are.
const greeting = Textbox({ label: "Greeting", render: false });
const rows = [["Hello, world"], ["Bonjour tout le monde"], ["¡Hola, mundo!"]] as const;

describeComponent<DatasetProps>({
  create: (props) => Dataset(props),
  props: { components: [greeting], samples: rows.map((row) => [...row]) },
  // A Dataset's value is the index of a sample; the function receives that sample's values.
  samples: [0, 2, 1],
  roundTrip: (back, index) => expect(back).toEqual(rows[index as number]),
  editor: (block) => block.getByRole("button", { name: /Hola/ }),
  events: {
    click: ({ block }) => block.getByRole("button", { name: /Bonjour/ }).click(),
    select: ({ block }) => block.getByRole("button", { name: /Hola/ }).click(),
  },
});
