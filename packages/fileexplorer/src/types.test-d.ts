// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import { FileExplorer } from "./index.js";

Blocks(() => {
  const many = FileExplorer({ root_dir: "." });
  const one = FileExplorer({ root_dir: ".", file_count: "single" });
  many.change({ fn: (paths: string[]) => paths, inputs: [many], outputs: [many] });
  one.change({ fn: (path: string | null) => path, inputs: [one], outputs: [one] });
  many.select({ fn: (_p: string[], ctx) => String(ctx.event.value), inputs: [many], outputs: [] });
  // @ts-expect-error "multiple" gives a list of paths
  many.change({ fn: (path: string) => path, inputs: [many], outputs: [] });
  // @ts-expect-error "single" gives one path or null, not a list
  one.input({ fn: (paths: string[]) => paths.length, inputs: [one], outputs: [] });
  // @ts-expect-error a number is not a path
  one.change({ fn: () => 42, inputs: [], outputs: [one] });
});
