// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import type { ImageArray, JimpImage } from "@vitrine/image";
import { Gallery } from "./index.js";

Blocks(() => {
  const paths = Gallery();
  const arrays = Gallery({ type: "array" });
  const jimps = Gallery({ type: "jimp" });
  // "filepath" (default) gives [path, caption] pairs, or null when empty.
  paths.change({ fn: (items: [string, string | null][] | null) => (items ?? []).map(([p, c]) => [p, c ?? "?"] as const), inputs: [paths], outputs: [paths] });
  // "array" gives arrays (or a path, for an SVG or a video).
  arrays.change({ fn: (items: [ImageArray | string, string | null][] | null) => items?.map(([im]) => im) ?? null, inputs: [arrays], outputs: [arrays] });
  jimps.change({ fn: (items: [JimpImage | string, string | null][] | null) => items?.map(([im, c]) => [im, c] as const) ?? [], inputs: [jimps], outputs: [paths] });
  // @ts-expect-error an array gallery may hold an SVG or a video, which come as paths
  arrays.change({ fn: (items: [ImageArray, string | null][] | null) => null, inputs: [arrays], outputs: [] });
  // Outputs: lists of media, or [media, caption] pairs.
  paths.select({ fn: (ctx) => [["a.png", `picked ${String(ctx.event.index)}`], new Uint8Array(0), "https://example.com/b.png"], inputs: [], outputs: [paths] });
  // @ts-expect-error a caption is a string
  paths.select({ fn: () => [["a.png", 42]], inputs: [], outputs: [paths] });
  // @ts-expect-error a gallery is a list, not one image
  paths.select({ fn: () => "a.png", inputs: [], outputs: [paths] });
});
