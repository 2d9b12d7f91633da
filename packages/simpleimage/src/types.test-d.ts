// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks, fileData } from "@vitrine/core";
import { SimpleImage } from "./index.js";

Blocks(() => {
  const image = SimpleImage();
  image.upload({ fn: (path: string | null) => path, inputs: [image], outputs: [image] });
  image.change({ fn: () => fileData("/x.png"), inputs: [], outputs: [image] });
  // @ts-expect-error SimpleImage takes no arrays or bytes: it never encodes
  image.change({ fn: () => new Uint8Array(0), inputs: [], outputs: [image] });
  // @ts-expect-error SimpleImage has no select event
  image.select;
});
