// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import type { Jimp } from "jimp";
import { Image, type ImageArray, type JimpImage } from "./index.js";

Blocks(() => {
  const array = Image();
  const jimp = Image({ type: "jimp" });
  const path = Image({ type: "filepath" });
  // "array" gives an ImageArray, or a path for an SVG.
  array.change({ fn: (image: ImageArray | string) => (typeof image === "string" ? image : { ...image, data: image.data.map((v) => 255 - v) }), inputs: [array], outputs: [array] });
  // @ts-expect-error an SVG comes as a path: the function must take a string too
  array.change({ fn: (image: ImageArray) => image, inputs: [array], outputs: [array] });
  jimp.change({ fn: (image: JimpImage | string) => image, inputs: [jimp], outputs: [jimp] });
  path.change({ fn: (file: string) => file, inputs: [path], outputs: [path] });
  // Outputs take bytes, URLs, Jimp images.
  path.change({ fn: () => new Uint8Array(0), inputs: [], outputs: [array] });
  path.change({ fn: (): InstanceType<typeof Jimp> | null => null, inputs: [], outputs: [array] });
  // @ts-expect-error a number is not an image
  path.change({ fn: () => 42, inputs: [], outputs: [array] });
});
