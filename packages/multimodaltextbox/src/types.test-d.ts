// Type tests, checked by `tsc` (pnpm typecheck), never run.
import { Blocks, type ReturnOf, type ValueOf } from "@vitrine/core";
import { MultimodalTextbox, type MultimodalReturn, type MultimodalValue } from "./index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_ok: T): void {}

const box = MultimodalTextbox({ file_types: ["image"] });
expectType<Equal<ValueOf<typeof box>, MultimodalValue>>(true);
expectType<Equal<MultimodalValue, { text: string; files: string[] }>>(true);
expectType<Equal<ReturnOf<typeof box>, MultimodalReturn>>(true);

// @ts-expect-error sources are "upload" and "microphone"
MultimodalTextbox({ sources: ["webcam"] });
// @ts-expect-error file_count is "single", "multiple" or "directory"
MultimodalTextbox({ file_count: "many" });
// A string, or text and files, as the initial value.
MultimodalTextbox({ value: "Hello" });
MultimodalTextbox({ value: { text: "Look", files: ["cat.png"] } });

Blocks(() => {
  const msg = MultimodalTextbox();
  msg.submit({ fn: (m) => m.text.toUpperCase() + m.files.join(","), inputs: [msg], outputs: [msg] });
  msg.submit({ fn: (m) => ({ text: m.text, files: m.files }), inputs: [msg], outputs: [msg] });
  msg.submit({ fn: () => null, inputs: [], outputs: [msg] });
  msg.select({ fn: (ctx) => String(ctx.event.data.value), inputs: [], outputs: [msg] });
  msg.submit({
    // @ts-expect-error files are paths, not numbers
    fn: (m) => m.files.map((f: number) => f),
    inputs: [msg],
    outputs: [msg],
  });
  // @ts-expect-error a MultimodalTextbox returns a string or { text, files }, not a number
  msg.submit({ fn: () => 42, inputs: [], outputs: [msg] });
});
