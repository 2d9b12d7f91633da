import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  attachListeners,
  type ApiDescription,
  type ComponentProps,
  type EventListener,
  type Listeners,
  type ServerFunction,
} from "@vitrine/core";
import { customEventNames, htmlEvents, type HtmlEvent, type HtmlEventData } from "./events.js";

/** Gradio's default template: the value itself, as HTML. */
export const DEFAULT_HTML_TEMPLATE = "${value}";

/** Gradio's default `js_on_load`: a click anywhere in the component fires `click`. */
export const DEFAULT_JS_ON_LOAD = "element.addEventListener('click', function() { trigger('click') });";

/** A function `js_on_load` calls on the server as `server.<name>(...args)` (it gets the arguments, may be async). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HtmlServerFunction = (...args: any[]) => unknown;

/** Props of an HTML component. `T` is its value's type: a string of HTML, or any JSON value a template shows. */
export interface HtmlProps<T = string> extends ComponentProps<T> {
  /**
   * The HTML shown, as a template (Gradio 6): `${expression}` is a JavaScript expression over
   * `value`, `label`, `visible` and the {@link props} (`${value.length}`, `${fontSize}`), and
   * Handlebars' `{{value}}` (HTML-escaped), `{{{raw}}}`, `{{#each value}}…{{/each}}` and
   * `{{#if …}}…{{/if}}` loop and branch. Default `"${value}"`: the value is the HTML. The template
   * is the app author's code; the values it shows are sanitized with the rest (see {@link sanitize_html}).
   */
  html_template?: string;
  /**
   * CSS for this component, a template as {@link html_template}: scoped to the component (nested
   * rules target its content; declarations outside a rule style its root). Default none.
   */
  css_template?: string;
  /**
   * JavaScript the page runs once the component is shown (the app author's code, never a
   * user's): it gets `element` (the component's root), `props` (its value and props — setting
   * `props.value` or another prop re-renders the template; a new `value` fires `change`),
   * `trigger(event, data)` (fires one of its events, e.g. `trigger("submit", { id: 3 })`; an event
   * name of your own makes a listener method of that name), `watch(prop | props, callback)`
   * (runs after the template re-renders for a new value of those props), `upload(file)` (uploads
   * a `File`: `{ path, url }`) and `server` (the {@link server_functions}, as async methods).
   * Default: Gradio's, which fires `click` on a click; `null` runs nothing.
   */
  js_on_load?: string | null;
  /** Whether the theme's text styles (`prose`) apply to the content. Default true. */
  apply_default_css?: boolean;
  /**
   * Raw HTML put in the page's `<head>` before `js_on_load` runs: `<script src>` and `<link>`
   * tags that load libraries (each loaded once per page, by `src` or `href`). Default none.
   */
  head?: string | null;
  /**
   * Whether the view cleans the rendered HTML with DOMPurify before showing it (default
   * `true`): no `<script>`, no event handler attributes, no `javascript:` URLs. Turn it off only
   * for HTML you wrote yourself; even then, `<script>` elements inserted as HTML do not run (use
   * {@link head} and {@link js_on_load}).
   */
  sanitize_html?: boolean;
  /** Minimum height (pixels, or a CSS length). */
  min_height?: number | string | null;
  /** Maximum height (pixels, or a CSS length) before the content scrolls. */
  max_height?: number | string | null;
  /** Whether the content has the theme's block padding around it. Default false, as in Gradio 6. */
  padding?: boolean;
  /** Whether the view scrolls to the bottom when the content changes (unless scrolled up). Default false. */
  autoscroll?: boolean;
  /** More values for the templates and `js_on_load` (Gradio's extra keyword arguments): `${fontSize}`. */
  props?: Record<string, unknown>;
  /**
   * Functions `js_on_load` calls on the server: `server.name(...args)` resolves with the
   * function's JSON-serializable result. A record, or a list of named functions.
   */
  server_functions?: Record<string, HtmlServerFunction> | readonly HtmlServerFunction[] | null;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/**
 * Shows HTML: its value (a string) as it is, or any value through an `html_template`, with a
 * `css_template` and `js_on_load`. The view sanitizes the HTML unless `sanitize_html: false`.
 */
export class HtmlComponent<T = string> extends Component<T, T | (string extends T ? number : never) | null, unknown> {
  static override readonly events = htmlEvents;
  readonly type = "html";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: HtmlProps<T>;
  private readonly customEvents: readonly string[];
  private readonly serverFns: Readonly<Record<string, ServerFunction>>;

  constructor(props: HtmlProps<T> = {}) {
    super(props as ComponentProps<T>);
    for (const key of ["min_height", "max_height"] as const) {
      const v = props[key];
      if (v !== undefined && v !== null && !(typeof v === "string" || (typeof v === "number" && Number.isFinite(v) && v >= 0))) {
        throw new TypeError(`HTML: ${key} must be a number of pixels or a CSS length, got ${String(v)}`);
      }
    }
    for (const key of ["html_template", "css_template"] as const) {
      const v = props[key];
      if (v !== undefined && typeof v !== "string") throw new TypeError(`HTML: ${key} must be a string, got ${typeof v}`);
    }
    if (props.js_on_load !== undefined && props.js_on_load !== null && typeof props.js_on_load !== "string") {
      throw new TypeError(`HTML: js_on_load must be a string of JavaScript or null, got ${typeof props.js_on_load}`);
    }
    if (props.props !== undefined && (typeof props.props !== "object" || props.props === null || Array.isArray(props.props))) {
      throw new TypeError("HTML: props must be an object of template values");
    }
    if (props.props !== undefined) toJson(props.props, "HTML props");
    this.serverFns = serverFunctionsOf(props.server_functions);
    this.customEvents = customEventNames(this.jsOnLoad);
    for (const name of this.customEvents) {
      if (name in this) throw new TypeError(`HTML: js_on_load triggers "${name}", which is a name the component already uses; pick another event name`);
    }
    attachListeners(this, this.customEvents);
  }

  /** The script the view runs on load: the author's, or Gradio's default (click fires `click`). */
  private get jsOnLoad(): string | null {
    return this.props.js_on_load === undefined ? DEFAULT_JS_ON_LOAD : this.props.js_on_load;
  }

  /** Whether the value goes through a template of the author's (and so may be any JSON value). */
  private get templated(): boolean {
    const t = this.props.html_template;
    return t !== undefined && t !== DEFAULT_HTML_TEMPLATE;
  }

  private get title(): string {
    return this.props.label ? `HTML "${this.props.label}"` : "HTML";
  }

  /**
   * The listener method of an event `js_on_load` fires by a name of its own
   * (`trigger("pick", …)`): `html.on("pick")({ fn, outputs })`, the same as `html["pick"](…)`.
   */
  on(event: string): EventListener<Record<string, unknown>> {
    const listener = (this as unknown as Record<string, unknown>)[event];
    if (!(htmlEvents as readonly string[]).includes(event) && !this.customEvents.includes(event)) {
      throw new TypeError(`${this.title} has no event "${event}": fire it from js_on_load with trigger("${event}", data) to declare it`);
    }
    return listener as EventListener<Record<string, unknown>>;
  }

  override preprocess(payload: unknown): T {
    if (payload === null || payload === undefined) return (this.templated ? null : "") as T;
    if (this.templated) return toJson(payload, this.title) as T;
    if (typeof payload !== "string") throw new VitrineError(`${this.title} expects a string, got ${typeof payload}`);
    return payload as T;
  }

  override postprocess(value: T | number | null): unknown {
    if (value === null || value === undefined) return this.templated ? null : "";
    if (typeof value === "number" && !this.templated) return String(value);
    if (typeof value === "string") return value;
    if (!this.templated) {
      throw new VitrineError(`${this.title}: the function returned a ${typeof value}, not an HTML string (give an html_template to show other values)`);
    }
    return toJson(value, this.title);
  }

  api(): ApiDescription {
    if (this.templated) return { type: {}, python_type: { type: "Any", description: "any JSON value the html_template shows" } };
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): unknown {
    return this.templated ? (this.props.value ?? null) : "<p>Hello</p>";
  }

  override emptyPayload(): unknown {
    return this.templated ? null : "";
  }

  override serverFunctions(): Readonly<Record<string, ServerFunction>> {
    return this.serverFns;
  }

  protected override defaultProps(): Record<string, unknown> {
    // Gradio's HTML has no label shown and no container by default.
    return { ...super.defaultProps(), show_label: false, container: false };
  }

  protected override ownProps(): Record<string, unknown> {
    const extra = this.props.props ?? {};
    return {
      html_template: this.props.html_template ?? DEFAULT_HTML_TEMPLATE,
      css_template: this.props.css_template ?? "",
      js_on_load: this.jsOnLoad,
      apply_default_css: this.props.apply_default_css ?? true,
      head: this.props.head ?? null,
      sanitize_html: this.props.sanitize_html ?? true,
      min_height: this.props.min_height ?? null,
      max_height: this.props.max_height ?? null,
      padding: this.props.padding ?? false,
      autoscroll: this.props.autoscroll ?? false,
      props: toJson(extra, this.title),
      component_class_name: "HTML",
    };
  }
}
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface HtmlComponent<T = string> extends Listeners<HtmlEvent, HtmlEventData> {}

/** The server functions by name, each taking the arguments `js_on_load` passed (a list). */
function serverFunctionsOf(fns: HtmlProps<unknown>["server_functions"]): Record<string, ServerFunction> {
  if (fns === undefined || fns === null) return {};
  const entries: [string, HtmlServerFunction][] = Array.isArray(fns)
    ? fns.map((fn: HtmlServerFunction) => [fn.name, fn])
    : Object.entries(fns as Record<string, HtmlServerFunction>);
  const out: Record<string, ServerFunction> = {};
  for (const [name, fn] of entries) {
    if (typeof fn !== "function") throw new TypeError(`HTML: server_functions.${name} is not a function`);
    if (!IDENT.test(name)) throw new TypeError(`HTML: each server function needs a name usable in JavaScript (a named function), got ${JSON.stringify(name)}`);
    out[name] = (data) => fn(...(Array.isArray(data) ? data : data === null || data === undefined ? [] : [data]));
  }
  return out;
}

/** `value` as plain JSON data, or a clear error. */
function toJson(value: unknown, title: string): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`the number ${v} has no JSON form`);
      if (typeof v === "function" || typeof v === "symbol") throw new Error(`a ${typeof v} has no JSON form`);
      return v;
    });
  } catch (err) {
    throw new VitrineError(`${title}: the value is not JSON data (${(err as Error).message})`);
  }
  return text === undefined ? null : JSON.parse(text);
}

/**
 * A block of HTML (Gradio's `gr.HTML`), sanitized in the browser by default. With an
 * `html_template`, its value can be any JSON value the template shows.
 * @example vt.HTML({ value: "<h2>Results</h2>" })
 * @example vt.HTML({ value: ["a", "b"], html_template: "{{#each value}}<button>{{this}}</button>{{/each}}",
 *   js_on_load: "element.querySelectorAll('button').forEach(b => b.onclick = () => trigger('click', { option: b.innerText }))" })
 */
export function HTML<T = string>(props?: HtmlProps<T>): HtmlComponent<T>;
export function HTML<T = string>(value: T, props?: HtmlProps<T>): HtmlComponent<T>;
export function HTML(value?: unknown, props: HtmlProps<unknown> = {}): HtmlComponent<unknown> {
  if (value === undefined) return new HtmlComponent(props);
  const isProps = typeof value === "object" && value !== null && !Array.isArray(value) && looksLikeProps(value);
  return new HtmlComponent(isProps ? { ...(value as HtmlProps<unknown>), ...props } : { ...props, value });
}
export type HTML<T = string> = HtmlComponent<T>;

const PROP_KEYS = new Set([
  "value", "label", "info", "show_label", "container", "scale", "min_width", "interactive", "visible", "elem_id", "elem_classes",
  "render", "key", "html_template", "css_template", "js_on_load", "apply_default_css", "head", "sanitize_html", "min_height",
  "max_height", "padding", "autoscroll", "props", "server_functions", "every", "inputs",
]);

/** Whether an object given first is the props (every key a prop name), not a value for a template. */
function looksLikeProps(value: object): boolean {
  const keys = Object.keys(value);
  return keys.every((k) => PROP_KEYS.has(k));
}
