import * as vt from "vitrine";

/** The bounding box of the pixels a layer covers (alpha > 0), or null for an empty layer. */
function drawnBox(layer: vt.ImageArray): { x: number; y: number; width: number; height: number } | null {
  const { width, height, channels, data } = layer;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const alpha = channels === 4 ? data[(y * width + x) * 4 + 3]! : 255;
      if (alpha === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** Crops an image array to a box. */
function crop(image: vt.ImageArray, box: { x: number; y: number; width: number; height: number }): vt.ImageArray {
  const { channels } = image;
  const data = new Uint8ClampedArray(box.width * box.height * channels);
  for (let y = 0; y < box.height; y++) {
    const start = ((box.y + y) * image.width + box.x) * channels;
    data.set(image.data.subarray(start, start + box.width * channels), y * box.width * channels);
  }
  return { width: box.width, height: box.height, channels, data };
}

/**
 * A Sketchpad in, an Image out: draw with the mouse (or a finger), press Submit, and get your
 * drawing back cropped to the area you drew on (found from the layer's alpha channel).
 */
export function sketch() {
  return new vt.Interface({
    fn: (drawing: vt.EditorValue<vt.ImageArray | string> | null) => {
      const layer = drawing?.layers[0];
      const composite = drawing?.composite;
      if (!layer || !composite || typeof layer === "string" || typeof composite === "string") throw new vt.Error("Draw something first.");
      const box = drawnBox(layer);
      if (!box) throw new vt.Error("The canvas is blank: draw something first.");
      return crop(composite, box);
    },
    inputs: vt.Sketchpad({ label: "Sketch", canvas_size: [400, 300] }),
    outputs: vt.Image({ label: "Your drawing, cropped", format: "png" }),
    title: "Sketchpad",
    description: "Draw on the canvas, then press Submit: your drawing comes back cropped to where you drew. Undo with Ctrl+Z.",
  });
}
