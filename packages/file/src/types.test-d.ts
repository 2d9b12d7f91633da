// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import { File, Files } from "./index.js";

Blocks(() => {
  const path = File();
  const bytes = File({ type: "binary" });
  const many = Files();
  const manyBytes = File({ type: "binary", file_count: "multiple" });
  path.change({ fn: (p: string) => p, inputs: [path], outputs: [path] });
  bytes.change({ fn: (b: Uint8Array) => b, inputs: [bytes], outputs: [bytes] });
  many.change({ fn: (ps: string[]) => ps, inputs: [many], outputs: [many] });
  manyBytes.change({ fn: (bs: Uint8Array[]) => bs.map((b) => b.length).join(","), inputs: [manyBytes], outputs: [] });
  // @ts-expect-error binary gives bytes, not a path
  bytes.change({ fn: (p: string) => p, inputs: [bytes], outputs: [] });
  // @ts-expect-error several files come as a list
  many.change({ fn: (p: string) => p, inputs: [many], outputs: [] });
  // @ts-expect-error a number is not a file
  path.change({ fn: () => 42, inputs: [], outputs: [path] });
  path.select({ fn: (_p: string, ctx) => String(ctx.event.index), inputs: [path], outputs: [] });
});
