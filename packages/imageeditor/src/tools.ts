/**
 * The editor's tool options, as Gradio declares them: `Brush`, `Eraser` and `LayerOptions`.
 * Each factory checks its options and fills in Gradio's defaults, so that the config the
 * browser gets is complete.
 */

/** A brush colour: any CSS colour, or `[colour, opacity]` with opacity from 0 to 1. */
export type BrushColor = string | readonly [string, number];

/** The eraser's options (`Eraser(...)`). */
export interface EraserSettings {
  /** The eraser's radius in pixels of the image, or "auto" (1/50 of the image's smaller side). */
  default_size: number | "auto";
}

/** The brush's options (`Brush(...)`). */
export interface BrushSettings extends EraserSettings {
  /** The colours offered. Default: five of Gradio's colours. */
  colors: BrushColor[];
  /** The colour the brush starts with. Default: the first of `colors`. */
  default_color: BrushColor;
  /** "fixed": only `colors`; "defaults": `colors` as a palette beside a colour picker (default). */
  color_mode: "fixed" | "defaults";
}

/** The layer tool's options (`LayerOptions(...)`). */
export interface LayerSettings {
  /** Whether the user may add layers. Default true. */
  allow_additional_layers: boolean;
  /** The names of the layers the editor starts with. Default `["Layer 1"]`. */
  layers: string[];
  /** Whether the layer tool is hidden (one layer only). Default false. */
  disabled: boolean;
}

/** Gradio's default brush colours. */
export const DEFAULT_COLORS: readonly string[] = [
  "rgb(204, 50, 50)",
  "rgb(173, 204, 50)",
  "rgb(50, 204, 112)",
  "rgb(50, 112, 204)",
  "rgb(173, 50, 204)",
];

function checkSize(tool: string, size: unknown): number | "auto" {
  if (size === undefined || size === "auto") return "auto";
  if (typeof size !== "number" || !Number.isFinite(size) || size <= 0)
    throw new TypeError(`${tool}: default_size must be a positive number of pixels or "auto", got ${JSON.stringify(size)}`);
  return size;
}

function checkColor(color: unknown): BrushColor {
  if (typeof color === "string" && color.trim() !== "") return color;
  if (Array.isArray(color) && color.length === 2 && typeof color[0] === "string" && typeof color[1] === "number" && color[1] >= 0 && color[1] <= 1)
    return [color[0], color[1]];
  throw new TypeError(`Brush: a colour is a CSS colour string or [colour, opacity from 0 to 1], got ${JSON.stringify(color)}`);
}

/**
 * The eraser's options for an ImageEditor (`eraser: Eraser({ default_size: 10 })`).
 * @example vt.ImageEditor({ eraser: vt.Eraser({ default_size: 20 }) })
 */
export function Eraser(options: Partial<EraserSettings> = {}): EraserSettings {
  return { default_size: checkSize("Eraser", options.default_size) };
}
export type Eraser = EraserSettings;

/**
 * The brush's options for an ImageEditor: its size, the colours offered, the first colour, and
 * whether the user may pick other colours.
 * @example vt.ImageEditor({ brush: vt.Brush({ colors: ["#ff0000", ["#0000ff", 0.5]], color_mode: "fixed" }) })
 */
export function Brush(options: Partial<Omit<BrushSettings, "colors">> & { colors?: BrushColor[] | BrushColor | null } = {}): BrushSettings {
  const given = options.colors;
  const colors =
    given === undefined || given === null
      ? [...DEFAULT_COLORS]
      : typeof given === "string" || (Array.isArray(given) && given.length === 2 && typeof given[1] === "number")
        ? [checkColor(given)]
        : (given as BrushColor[]).map(checkColor);
  if (colors.length === 0) throw new TypeError("Brush: colors must hold at least one colour");
  const mode = options.color_mode ?? "defaults";
  if (mode !== "fixed" && mode !== "defaults") throw new TypeError(`Brush: color_mode must be "fixed" or "defaults", got ${JSON.stringify(mode)}`);
  return {
    default_size: checkSize("Brush", options.default_size),
    colors,
    default_color: options.default_color === undefined || options.default_color === null ? colors[0]! : checkColor(options.default_color),
    color_mode: mode,
  };
}
export type Brush = BrushSettings;

/**
 * The layer tool's options for an ImageEditor: the layers it starts with, and whether the user
 * may add more.
 * @example vt.ImageEditor({ layers: vt.LayerOptions({ layers: ["Sketch", "Colour"], allow_additional_layers: false }) })
 */
export function LayerOptions(options: Partial<LayerSettings> = {}): LayerSettings {
  const layers = options.layers && options.layers.length > 0 ? [...options.layers] : ["Layer 1"];
  if (!layers.every((name) => typeof name === "string")) throw new TypeError("LayerOptions: layers must be a list of layer names");
  return { allow_additional_layers: options.allow_additional_layers ?? true, layers, disabled: options.disabled ?? false };
}
export type LayerOptions = LayerSettings;

/** The webcam's options (`WebcamOptions(...)`, Gradio's `gr.WebcamOptions`). */
export interface WebcamSettings {
  /** Whether the preview and the photos are mirrored. Default true. */
  mirror: boolean;
  /**
   * `getUserMedia` constraints: the video constraints themselves (`{ width: 1280, facingMode: "user" }`,
   * as the Image's `webcam_constraints`), or Gradio's form `{ video: {...} }`. Default null (the camera's default).
   */
  constraints: Record<string, unknown> | null;
}

/**
 * The webcam's options for an ImageEditor's "webcam" source: whether it is mirrored, and the
 * camera constraints.
 * @example vt.ImageEditor({ sources: ["webcam"], webcam_options: vt.WebcamOptions({ mirror: false, constraints: { width: 640 } }) })
 */
export function WebcamOptions(options: Partial<WebcamSettings> = {}): WebcamSettings {
  const { mirror = true, constraints = null } = options;
  if (typeof mirror !== "boolean") throw new TypeError(`WebcamOptions: mirror must be true or false, got ${JSON.stringify(mirror)}`);
  if (constraints !== null && (typeof constraints !== "object" || Array.isArray(constraints)))
    throw new TypeError(`WebcamOptions: constraints must be an object of getUserMedia constraints or null, got ${JSON.stringify(constraints)}`);
  return { mirror, constraints };
}
export type WebcamOptions = WebcamSettings;
