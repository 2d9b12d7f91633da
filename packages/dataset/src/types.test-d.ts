// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ValueOf } from "@vitrine/core";
import { Number as NumberField } from "@vitrine/number";
import { Radio } from "@vitrine/radio";
import { Textbox } from "@vitrine/textbox";
import { Dataset, Examples } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

Blocks(() => {
  const name = Textbox({ render: false });
  const times = NumberField({ render: false });
  const rows = Dataset({ components: [name, times], samples: [["Ada", 2]] });
  expectType<Equal<ValueOf<typeof rows>, [string | number | null, number | null]>>(true);
  const byIndex = Dataset({ components: [name, times], type: "index" });
  expectType<Equal<ValueOf<typeof byIndex>, number>>(true);
  // @ts-expect-error the second column is a Number
  Dataset({ components: [name, times], samples: [["Ada", "two"]] });

  const op = Radio({ choices: ["add", "subtract"] });
  Examples({ examples: [["Ada", 2, "add"]], inputs: [name, times, op] });
  Examples({ examples: ["Ada", "Grace"], inputs: name });
  Examples({ examples: ["add"], inputs: [op] });
  // @ts-expect-error "divide" is not one of the Radio's choices
  Examples({ examples: [["Ada", 2, "divide"]], inputs: [name, times, op] });
  // @ts-expect-error an example needs a value per input
  Examples({ examples: [["Ada"]], inputs: [name, times] });
  Examples({
    examples: [["Ada", 2]],
    inputs: [name, times],
    outputs: [name],
    fn: (n, t) => n.repeat(t),
    run_on_click: true,
  });
  Examples({
    examples: [["Ada", 2]],
    inputs: [name, times],
    outputs: [name],
    // @ts-expect-error fn takes the inputs' values: (string, number)
    fn: (n: number) => String(n),
  });
  Examples({
    examples: [["Ada", 2]],
    inputs: [name, times],
    outputs: [name],
    fn: (n, t) => `${n}`.repeat(t ?? 1),
    cache_examples: "lazy",
  });
  // A batch function takes a list per input and returns a list per output.
  Examples({
    examples: [["Ada", 2]],
    inputs: [name, times],
    outputs: [name],
    fn: (ns, ts) => [ns.map((n, i) => `${n}`.repeat(ts[i] ?? 1))],
    batch: true,
    cache_examples: true,
  });
  Examples({
    examples: [["Ada", 2]],
    inputs: [name, times],
    outputs: [name],
    // @ts-expect-error a batch function returns a list per output
    fn: (ns: (string | number)[]) => ns.join(""),
    batch: true,
  });
  // @ts-expect-error cache_mode is "eager" or "lazy"
  Examples({ examples: ["Ada"], inputs: name, outputs: name, fn: (n) => n, cache_examples: true, cache_mode: "later" });
  Examples({ examples: "path/to/examples", inputs: [name, times] });
});
