import { fileURLToPath } from "node:url";
import {
  Component,
  listen,
  rootScope,
  type AnyComponent,
  type Listeners,
} from "@vitrine/core";
import { BUTTON_VARIANTS, ButtonBase, type ButtonBaseProps } from "@vitrine/button";
import { clearButtonEvents, type ClearButtonEvent } from "./events.js";

/** Props of a ClearButton. */
export interface ClearButtonProps extends ButtonBaseProps<(typeof BUTTON_VARIANTS)[number]> {
  /** The button's text. Default "Clear". */
  value?: string | null;
  /** `"primary"`, `"secondary"` (default) or `"stop"`: the button's colours. */
  variant?: (typeof BUTTON_VARIANTS)[number];
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
  /**
   * API name of the server event that resets added State components (the only part of a clear
   * that runs on the server). Default none: the event is private.
   */
  api_name?: string | null;
  /** Whether that server event is listed on the API page. Default false, as in Gradio. */
  show_api?: boolean;
}

/** One component, or a list of them, to clear. */
export type Clearable = AnyComponent | readonly AnyComponent[];

/** A State-like component: its value lives on the server and resets to its initial value. */
interface StateLike {
  readonly type: "state";
  initialValue(): unknown;
}

function isStateLike(c: AnyComponent): c is AnyComponent & StateLike {
  return c.type === "state" && typeof (c as unknown as StateLike).initialValue === "function";
}

/**
 * A button that clears components when clicked. Each component goes back to its empty value
 * (what `emptyPayload()` gives: `""` for a Textbox, `null` for a Number or an Image, `[]` for a
 * multiselect Dropdown, …), set in the browser by a client-side `js` function, with no server
 * round trip, as Gradio's ClearButton does. A State goes back to its initial value on the
 * server, the one part that needs it.
 *
 * Add components when creating the button or later with {@link ClearButtonComponent.add},
 * inside a Blocks builder callback.
 */
export class ClearButtonComponent extends ButtonBase<ClearButtonProps> {
  static override readonly events = clearButtonEvents;
  readonly type = "clearbutton";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  /** The components this button clears, in the order they were added. */
  readonly cleared: AnyComponent[] = [];

  constructor(components: Clearable | null = null, props: ClearButtonProps = {}) {
    super(props, { name: "ClearButton", variants: BUTTON_VARIANTS });
    if (components !== null && listOf(components).length > 0) this.add(components);
  }

  /**
   * Adds a component or a list of components to those this button clears, and returns the
   * button (calls chain). Each call adds one client-side `click` listener (and, for State
   * components, one server-side listener). Call it inside a Blocks builder callback.
   *
   * @example vt.ClearButton().add([name, age]).add(photo)
   */
  add(components: Clearable | null | undefined): this {
    const list = listOf(components);
    if (list.length === 0) return this;
    for (const c of list) {
      if (!(c instanceof Component)) throw new TypeError(`ClearButton.add takes components, got ${describe(c)}`);
    }
    if (!rootScope()) {
      throw new Error("ClearButton: components can only be added inside a Blocks builder callback");
    }
    const states = list.filter(isStateLike);
    const others = list.filter((c) => !isStateLike(c));
    if (others.length > 0) {
      const values = others.map((c) => c.emptyPayload() ?? null);
      listen([[this, "click"]], {
        fn: null,
        js: `() => ${JSON.stringify(values)}`,
        inputs: [],
        outputs: others,
        api_name: false,
        show_api: false,
        queue: false,
      });
    }
    if (states.length > 0) {
      const reset = function reset_state() {
        const values = states.map((s) => s.initialValue());
        return values.length === 1 ? values[0] : values;
      };
      listen([[this, "click"]], {
        fn: reset as never,
        inputs: [],
        outputs: states,
        api_name: this.props.api_name ?? false,
        show_api: this.props.show_api ?? false,
      });
    }
    this.cleared.push(...list);
    return this;
  }

  protected get defaultText(): string {
    return "Clear";
  }

  protected override ownProps(): Record<string, unknown> {
    const { variant = "secondary", size = "lg", icon = null, link = null } = this.props;
    return { variant, size, icon, link };
  }

  /** The config props, without `api_name` and `show_api` (they belong to the listeners). */
  override configProps(): Record<string, unknown> {
    const { api_name: _name, show_api: _show, ...props } = super.configProps();
    return props;
  }
}
export interface ClearButtonComponent extends Listeners<ClearButtonEvent> {}

function listOf(components: Clearable | null | undefined): readonly AnyComponent[] {
  if (components === null || components === undefined) return [];
  return Array.isArray(components) ? (components as readonly AnyComponent[]) : [components as AnyComponent];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "an object";
  return typeof value;
}

/**
 * A button that clears the given components when clicked (Gradio's `gr.ClearButton`): each goes
 * back to its empty value in the browser; a State to its initial value. Add more with `.add()`.
 * @example vt.ClearButton([name, age, photo])
 * @example vt.ClearButton(name, { value: "Reset", variant: "stop" }).add(age)
 * @example vt.ClearButton({ value: "Start over" }).add([name, age])
 */
export function ClearButton(components?: Clearable | null, props?: ClearButtonProps): ClearButtonComponent;
export function ClearButton(props: ClearButtonProps): ClearButtonComponent;
export function ClearButton(a?: Clearable | ClearButtonProps | null, b: ClearButtonProps = {}): ClearButtonComponent {
  if (a instanceof Component || Array.isArray(a) || a === null || a === undefined) {
    return new ClearButtonComponent((a ?? null) as Clearable | null, b);
  }
  return new ClearButtonComponent(null, a as ClearButtonProps);
}
export type ClearButton = ClearButtonComponent;
