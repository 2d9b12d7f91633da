// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks } from "@vitrine/core";
import type { ImageArray, JimpImage } from "@vitrine/image";
import { ImageEditor, ImageMask, Sketchpad, WebcamOptions, type EditorValue } from "./index.js";

Blocks(() => {
  const sketch = Sketchpad();
  const jimp = ImageEditor({ type: "jimp" });
  const path = ImageMask({ type: "filepath" });
  // "array" gives images as arrays (or an SVG's path), each part possibly null.
  sketch.change({ fn: (v: EditorValue<ImageArray | string> | null) => v?.composite ?? null, inputs: [sketch], outputs: [sketch] });
  // @ts-expect-error the value may be null (nothing drawn, or cleared)
  sketch.change({ fn: (v: EditorValue<ImageArray | string>) => v.composite, inputs: [sketch], outputs: [sketch] });
  jimp.change({ fn: (v: EditorValue<JimpImage | string> | null) => v?.background ?? null, inputs: [jimp], outputs: [jimp] });
  path.change({ fn: (v: EditorValue<string> | null) => ({ background: v?.background ?? null, layers: v?.layers ?? [] }), inputs: [path], outputs: [path] });
  // Outputs take one image, or the three parts in any Image output form.
  path.change({ fn: () => new Uint8Array(0), inputs: [], outputs: [sketch] });
  path.change({ fn: () => ({ background: "https://example.com/a.png", layers: [new Uint8Array(0)], composite: null }), inputs: [], outputs: [sketch] });
  // @ts-expect-error a number is not an image
  path.change({ fn: () => 42, inputs: [], outputs: [sketch] });
});

// The webcam's options: Gradio's WebcamOptions, or the deprecated mirror_webcam.
ImageMask({ sources: ["webcam"], webcam_options: WebcamOptions({ mirror: false, constraints: { video: { width: 640 } } }) });
ImageEditor({ mirror_webcam: false, webcam_options: { constraints: { facingMode: "user" } } });
// @ts-expect-error mirror is a boolean
ImageEditor({ webcam_options: { mirror: "no" } });
