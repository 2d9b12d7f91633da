import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { ACCEPTED_COLOR_FORMS, DEFAULT_COLOR, normalizeColor } from "./color.js";
import { colorPickerEvents, type ColorPickerEvent, type ColorPickerEventData } from "./events.js";

/** Props of a ColorPicker: the common ones; `value` is a colour (`#rrggbb`, `#rgb` or `rgb(r, g, b)`). */
export interface ColorPickerProps extends ComponentProps<string> {}

/**
 * A colour, as a lower-case hex string `#rrggbb` in and out. The function may return
 * `#rgb` or `rgb(r, g, b)` too; anything else is an error the user sees.
 */
export class ColorPickerComponent extends Component<string, string | null, string> {
  static override readonly events = colorPickerEvents;
  readonly type = "colorpicker";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: ColorPickerProps;

  constructor(props: ColorPickerProps = {}) {
    super(props);
    if (this.valueProp !== undefined && this.valueProp !== null && normalizeColor(String(this.valueProp)) === null) {
      throw new TypeError(`ColorPicker: the initial value ${JSON.stringify(this.valueProp)} is not a colour (${ACCEPTED_COLOR_FORMS})`);
    }
  }

  private get title(): string {
    return this.props.label ? `ColorPicker "${this.props.label}"` : "ColorPicker";
  }

  private normalize(value: unknown): string {
    const color = typeof value === "string" ? normalizeColor(value) : null;
    if (color === null) {
      throw new VitrineError(`${this.title}: ${JSON.stringify(value)} is not a colour; expected ${ACCEPTED_COLOR_FORMS}`);
    }
    return color;
  }

  /** The browser's colour as `#rrggbb`; no value gives the picker's default, black. */
  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined || payload === "") return DEFAULT_COLOR;
    return this.normalize(payload);
  }

  override postprocess(value: string | null): string {
    if (value === null || value === undefined) return DEFAULT_COLOR;
    return this.normalize(value);
  }

  override emptyPayload(): string {
    return DEFAULT_COLOR;
  }

  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return DEFAULT_COLOR;
  }
}
export interface ColorPickerComponent extends Listeners<ColorPickerEvent, ColorPickerEventData> {}

/**
 * A colour picker (Gradio's `gr.ColorPicker`): the function receives the colour as
 * `#rrggbb` and may return `#rrggbb`, `#rgb` or `rgb(r, g, b)`.
 * @example vt.ColorPicker({ label: "Background", value: "#ff8800" })
 */
export function ColorPicker(props: ColorPickerProps = {}): ColorPickerComponent {
  return new ColorPickerComponent(props);
}
export type ColorPicker = ColorPickerComponent;
