import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { jsonEvents, type JsonEvent, type JsonEventData } from "./events.js";

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A button the JSON shows over its tree: `"copy"` copies the value's JSON text. */
export type JsonButton = "copy";

/** Props of a JSON component. */
export interface JsonProps extends ComponentProps<unknown> {
  /**
   * Whether every node of the tree starts expanded (`true`), or only the top level (`false`,
   * the default; Gradio keeps three levels open).
   */
  open?: boolean;
  /** Whether array items show their index before their value (Gradio's `show_indices`). */
  show_indices?: boolean;
  /** Fixed height of the tree (pixels, or a CSS length); scrolls beyond it. */
  height?: number | string | null;
  /** Maximum height (pixels, or a CSS length) before the tree scrolls; 500 by default. */
  max_height?: number | string | null;
  /** Minimum height (pixels, or a CSS length). */
  min_height?: number | string | null;
  /**
   * The buttons shown over the tree (Gradio 6): `["copy"]` copies the value's JSON text; `[]`
   * shows none. Default null: the copy button, as in Gradio.
   */
  buttons?: readonly JsonButton[] | null;
}

/**
 * Shows any JSON value as a collapsible tree. As an output, a string is parsed as JSON (a
 * string that is not JSON is a {@link VitrineError}); any other value must survive
 * `JSON.stringify` (no functions, no cycles, no `BigInt`, no non-finite numbers).
 */
export class JsonComponent extends Component<JsonValue, unknown, JsonValue> {
  static override readonly events = jsonEvents;
  readonly type = "json";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: JsonProps;

  constructor(props: JsonProps = {}) {
    super(props);
    for (const key of ["height", "max_height", "min_height"] as const) {
      const v = props[key];
      if (v !== undefined && v !== null && !(typeof v === "string" || (typeof v === "number" && Number.isFinite(v) && v >= 0))) {
        throw new TypeError(`JSON: ${key} must be a number of pixels or a CSS length, got ${String(v)}`);
      }
    }
    const buttons = props.buttons;
    if (buttons !== undefined && buttons !== null) {
      if (!Array.isArray(buttons)) throw new TypeError(`JSON: buttons must be a list such as ["copy"], got ${globalThis.JSON.stringify(buttons)}`);
      for (const b of buttons) if (b !== "copy") throw new TypeError(`JSON: the only button is "copy"; got ${globalThis.JSON.stringify(b)}`);
    }
  }

  private get title(): string {
    return this.props.label ? `JSON "${this.props.label}"` : "JSON";
  }

  /** The browser's value, checked to be plain JSON data. */
  override preprocess(payload: JsonValue | undefined): JsonValue {
    if (payload === undefined) return null;
    return toJson(payload, this.title);
  }

  /** A string is parsed as JSON; any other value is copied as plain JSON data. */
  override postprocess(value: unknown): JsonValue {
    if (value === undefined || value === null) return null;
    if (typeof value === "string") {
      try {
        return globalThis.JSON.parse(value) as JsonValue;
      } catch (err) {
        throw new VitrineError(`${this.title}: the string returned is not valid JSON (${(err as Error).message})`);
      }
    }
    return toJson(value, this.title);
  }

  api(): ApiDescription {
    return {
      type: {},
      python_type: { type: "Dict[Any, Any] | List[Any] | str | float | bool | None", description: "any valid json" },
    };
  }

  override exampleInput(): JsonValue {
    return { a: 1, b: 2 };
  }

  protected override ownProps(): Record<string, unknown> {
    return {
      open: this.props.open ?? false,
      show_indices: this.props.show_indices ?? false,
      height: this.props.height ?? null,
      max_height: this.props.max_height ?? 500,
      min_height: this.props.min_height ?? null,
      buttons: this.props.buttons ?? null,
    };
  }
}
export interface JsonComponent extends Listeners<JsonEvent, JsonEventData> {}

/** `value` as plain JSON data (a Date becomes its ISO string, as `JSON.stringify` does), or a clear error. */
function toJson(value: unknown, title: string): JsonValue {
  let text: string | undefined;
  try {
    text = globalThis.JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`the number ${v} has no JSON form`);
      if (typeof v === "function" || typeof v === "symbol") throw new Error(`a ${typeof v} has no JSON form`);
      return v;
    });
  } catch (err) {
    throw new VitrineError(`${title}: the value is not JSON data (${(err as Error).message})`);
  }
  if (text === undefined) throw new VitrineError(`${title}: the value is not JSON data`);
  return globalThis.JSON.parse(text) as JsonValue;
}

/**
 * A JSON viewer (Gradio's `gr.JSON`): any JSON value as a collapsible tree, with a copy
 * button. A returned string is parsed as JSON.
 *
 * Named `JSON` like Gradio's: `vt.JSON(...)` is the component; inside a module that imports it
 * by name, the global is still reachable as `globalThis.JSON` (or import it as `JSON as Json`).
 * @example vt.JSON({ label: "Result", open: true })
 */
export function JSON(props: JsonProps = {}): JsonComponent {
  return new JsonComponent(props);
}
/** Alias of {@link JSON} that does not shadow the global `JSON` when imported by name. */
export const Json = JSON;
export type JSON = JsonComponent;
