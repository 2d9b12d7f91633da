/** Finding the annotation under a pixel, from the overlays' pixels (the last overlay is on top). */

/** An overlay's pixels, as `getImageData` gives them (RGBA, 4 bytes a pixel). */
export interface OverlayPixels {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/**
 * The index of the top-most overlay painted (alpha > 0) at pixel (`x`, `y`) of the base image,
 * or null. Overlays not loaded (null) are skipped.
 */
export function hitAnnotation(overlays: readonly (OverlayPixels | null)[], x: number, y: number): number | null {
  for (let i = overlays.length - 1; i >= 0; i--) {
    const o = overlays[i];
    if (!o || x < 0 || y < 0 || x >= o.width || y >= o.height) continue;
    if (o.data[(Math.floor(y) * o.width + Math.floor(x)) * 4 + 3]! > 0) return i;
  }
  return null;
}

/** Reads an overlay image's pixels through a canvas, or null when the browser cannot (no canvas, a cross-origin image). */
export async function readOverlayPixels(url: string): Promise<OverlayPixels | null> {
  try {
    const img = new Image();
    img.crossOrigin = "anonymous";
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(img, 0, 0);
    const { width, height, data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width, height, data };
  } catch {
    return null;
  }
}
