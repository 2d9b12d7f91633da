// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import type { ImageArray } from "@vitrine/image";
import { ImageSlider } from "./index.js";

Blocks(() => {
  const arrays = ImageSlider();
  const paths = ImageSlider({ type: "filepath" });
  arrays.upload({
    fn: (pair: [ImageArray | string | null, ImageArray | string | null] | null) => (pair ? ([pair[1], pair[0]] as const) : null),
    inputs: [arrays],
    outputs: [arrays],
  });
  paths.change({ fn: (pair: [string | null, string | null] | null) => [pair?.[0] ?? null, "https://example.com/b.png"] as const, inputs: [paths], outputs: [paths] });
  // @ts-expect-error an ImageSlider shows a pair, not one image
  paths.change({ fn: () => "a.png", inputs: [], outputs: [paths] });
});
