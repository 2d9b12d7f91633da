/**
 * A plot given as an image (Gradio's matplotlib route): PNG, JPEG, WebP, GIF or SVG bytes, sent
 * as a data URL in PlotData's `plot`. Node side only.
 */
import { extname } from "node:path";

/** Image types a Plot shows, by file extension. */
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
};

/** The formats a Plot accepts as an image, for error messages. */
export const IMAGE_FORMATS = "PNG, JPEG, WebP, GIF or SVG";

/** The MIME type of an image path by its extension, or null when not one a Plot shows. */
export function imageMimeFromPath(path: string): string | null {
  return MIME_BY_EXTENSION[extname(path).toLowerCase()] ?? null;
}

/** The MIME type of image bytes by their signature, or null when not one a Plot shows. */
export function imageMimeFromBytes(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return "image/svg+xml";
  return null;
}

/** A data URL of `bytes` with MIME type `mime`. */
export function dataUrl(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64")}`;
}

/** Whether `value` is a data URL of an image. */
export function isImageDataUrl(value: string): boolean {
  return /^data:image\/[a-z0-9.+-]+(;[a-z0-9=.+-]+)*;base64,/i.test(value);
}
