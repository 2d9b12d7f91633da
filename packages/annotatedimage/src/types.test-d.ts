// Type tests (checked by `tsc`, never run): what functions return for an AnnotatedImage.
import { Blocks } from "@vitrine/core";
import type { ImageArray } from "@vitrine/image";
import { AnnotatedImage } from "./index.js";

Blocks(() => {
  const out = AnnotatedImage();
  const mask = [[0, 1], [1, 0.5]];
  out.select({ fn: () => ["base.png", [[[0, 0, 10, 10], "cat"], [mask, "dog"]]] as const, inputs: [], outputs: [out] });
  out.select({ fn: (): [ImageArray, [ImageArray, string][]] | null => null, inputs: [], outputs: [out] });
  // The select event carries the annotation's index and label.
  out.select({ fn: (_v: unknown, ctx: { event: { index: number; value: string } }) => `${ctx.event.index}`, inputs: [out], outputs: [] });
  // @ts-expect-error a label is a string
  out.select({ fn: () => ["base.png", [[[0, 0, 10, 10], 3]]] as const, inputs: [], outputs: [out] });
  // As an input it gives the base image's path and the overlays' paths.
  out.select({ fn: (v: [string, [string, string][]] | null) => v?.[0] ?? "", inputs: [out], outputs: [] });
});
