import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { evaluateScript, adoptStylesheet } from "@vitrine/core/browser";
import { sanitize } from "./sanitize.js";
import { renderTemplate, usesHandlebars, type TemplateCompiler } from "./template.js";
import { loadHead, updateChildren } from "./dom.js";

/** Config props the HTML view reads. */
export interface HtmlViewProps {
  /** Whether the view cleans the rendered HTML with DOMPurify (no scripts, handlers or `javascript:` URLs). */
  sanitize_html: boolean;
  /** Minimum height (pixels, or a CSS length). */
  min_height: number | string | null;
  /** Maximum height (pixels, or a CSS length) before the content scrolls. */
  max_height: number | string | null;
  /** Whether the content has the theme's block padding around it. */
  padding: boolean;
  /** The HTML template (`${…}` and Handlebars); default `"${value}"`. */
  html_template?: string;
  /** The component's CSS template, scoped to it. */
  css_template?: string;
  /** The author's script run on load; undefined runs Gradio's default (click fires `click`), null nothing. */
  js_on_load?: string | null;
  /** Whether the theme's text styles apply to the content. Default true. */
  apply_default_css?: boolean;
  /** HTML put in the page's head before `js_on_load` runs. */
  head?: string | null;
  /** Whether the content scrolls to its bottom when it changes. */
  autoscroll?: boolean;
  /** Extra template values. */
  props?: Record<string, unknown> | null;
}

const DEFAULT_TEMPLATE = "${value}";
const DEFAULT_JS_ON_LOAD = "element.addEventListener('click', function() { trigger('click') });";

function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/** The theme's text styles for the content (`apply_default_css`), from its CSS variables only. */
const defaultStyle = `
.vt-html-default { font-family: var(--font); color: var(--body-text-color); font-size: var(--text-md); line-height: 1.5; }
.vt-html-default :is(h1, h2, h3, h4) { color: var(--body-text-color); margin: var(--spacing-lg) 0 var(--spacing-sm); }
.vt-html-default a { color: var(--link-text-color); }
.vt-html-default code { font-family: var(--font-mono); background: var(--background-fill-secondary); border-radius: var(--radius-sm); padding: 0 var(--spacing-xs); }
.vt-html-default :is(table) { border-collapse: collapse; }
.vt-html-default :is(th, td) { border: 1px solid var(--border-color-primary); padding: var(--spacing-xs) var(--spacing-sm); }
.vt-html-error { color: var(--error-text-color); background: var(--error-background-fill); border: 1px solid var(--error-border-color); border-radius: var(--radius-sm); padding: var(--spacing-md); font-family: var(--font-mono); white-space: pre-wrap; }
`;

/** Handlebars once loaded (shared by every HTML of the page), and its loading. */
let loadedCompiler: TemplateCompiler | null = null;
let loadingCompiler: Promise<TemplateCompiler> | null = null;

/**
 * How the view loads Handlebars: `./handlebars.ts`, split off by the build (`--lazy html`) and
 * served at `components/html/…`, loaded only for a template that uses `{{…}}`.
 */
function loadCompiler(): Promise<TemplateCompiler> {
  loadingCompiler ??= import("./handlebars.js")
    .then(({ compileTemplate }) => (loadedCompiler = compileTemplate))
    .catch((err: unknown) => {
      loadingCompiler = null;
      throw err;
    });
  return loadingCompiler;
}

/** The names `js_on_load` is given, as Gradio gives them. */
const ON_LOAD_PARAMETERS = "element, trigger, props, server, upload, watch";

/** The function `js_on_load` is turned into: the author's code, with Gradio's names in scope. */
type OnLoad = (
  element: HTMLElement,
  trigger: (event: string, data?: unknown) => void,
  props: Record<string, unknown>,
  server: Record<string, (...args: unknown[]) => Promise<unknown>>,
  upload: (file: File) => Promise<{ path: string; url: string }>,
  watch: (props: string | string[], callback: () => void) => void,
) => unknown;

/**
 * The HTML view: the value, or `html_template` filled with it and the extra `props`, cleaned by
 * DOMPurify unless `sanitize_html` is false, and updated in place when the value changes.
 * `css_template` styles it (scoped to it), `head` tags load first, then the author's `js_on_load`
 * runs once with `element`, `props`, `trigger`, `watch`, `upload` and `server`.
 */
export function HtmlView({ value, props, dispatch, onChange, upload, fileUrl, callServer }: ViewProps<unknown, HtmlViewProps>) {
  adoptStylesheet("vt-html-style", defaultStyle);
  const template = props.html_template ?? DEFAULT_TEMPLATE;
  const cssTemplate = props.css_template ?? "";
  const jsOnLoad = props.js_on_load === undefined ? DEFAULT_JS_ON_LOAD : props.js_on_load;
  const sanitizeHtml = props.sanitize_html !== false;
  const needsCompiler = usesHandlebars(template) || usesHandlebars(cssTemplate);
  const [compiler, setCompiler] = useState<TemplateCompiler | null>(() => loadedCompiler);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!needsCompiler || compiler) return;
    let current = true;
    loadCompiler().then(
      (c) => current && setCompiler(() => c),
      (err: unknown) => current && setError(`Handlebars could not be loaded: ${(err as Error).message}`),
    );
    return () => {
      current = false;
    };
  }, [needsCompiler, compiler]);
  const ready = !needsCompiler || compiler !== null;

  const scopeId = `vt-html-${useId().replace(/[^\w-]/g, "")}`;
  const rootRef = useRef<HTMLDivElement>(null);
  const styleRef = useRef<HTMLStyleElement>(null);
  /** What the templates show and `js_on_load`'s `props` holds: the value, label, visible and extra props. */
  const scope = useRef<Record<string, unknown>>({});
  /** The JSON of each of those as the server last sent it (to tell the server's changes from the script's). */
  const fromServer = useRef<Record<string, string>>({});
  const watchers = useRef<{ keys: string[]; callback: () => void }[]>([]);
  const mounted = useRef(false);
  const live = useRef({ template, cssTemplate, sanitizeHtml, compiler, autoscroll: props.autoscroll === true, dispatch, onChange, upload, fileUrl, callServer });
  live.current = { template, cssTemplate, sanitizeHtml, compiler, autoscroll: props.autoscroll === true, dispatch, onChange, upload, fileUrl, callServer };

  /** Renders the templates into the element and its style, then runs the watchers of the changed props. */
  const paint = useCallback(
    (changed: readonly string[]) => {
      const el = rootRef.current;
      if (!el) return;
      const { template, cssTemplate, sanitizeHtml, compiler, autoscroll } = live.current;
      const scroller = el.closest(".vt-html-scroll") as HTMLElement | null;
      const atBottom = scroller ? scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40 : true;
      try {
        const html = renderTemplate(template, scope.current, compiler);
        updateChildren(el, sanitizeHtml ? sanitize(html) : html);
        const css = cssTemplate ? renderTemplate(cssTemplate, scope.current, compiler) : "";
        if (styleRef.current) styleRef.current.textContent = css.trim() ? `[data-vt-html="${scopeId}"] { ${css} }` : "";
        setError(null);
      } catch (err) {
        console.error("[vitrine] HTML template:", err);
        setError((err as Error).message);
      }
      if (autoscroll && scroller && atBottom) scroller.scrollTop = scroller.scrollHeight;
      if (!changed.length) return;
      for (const w of watchers.current) {
        if (!w.keys.some((k) => changed.includes(k))) continue;
        try {
          w.callback();
        } catch (err) {
          console.error("[vitrine] HTML watch callback:", err);
        }
      }
    },
    [scopeId],
  );

  // The server's value and props: taken into the scope when they change, then painted.
  const incoming: Record<string, unknown> = { ...(props.props ?? {}), value: value ?? "", label: props.label ?? null, visible: props.visible ?? true };
  const incomingJson = JSON.stringify(incoming);
  useLayoutEffect(() => {
    const changed: string[] = [];
    for (const [key, v] of Object.entries(incoming)) {
      const json = JSON.stringify(v) ?? "undefined";
      if (fromServer.current[key] === json) continue;
      fromServer.current[key] = json;
      scope.current[key] = v;
      changed.push(key);
    }
    if (mounted.current) paint(changed);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [incomingJson, paint]);
  useLayoutEffect(() => {
    if (mounted.current) paint([]);
  }, [template, cssTemplate, sanitizeHtml, compiler, paint]);

  // First paint, then the head tags, then the author's js_on_load (once).
  useLayoutEffect(() => {
    if (!ready || mounted.current || !rootRef.current) return;
    mounted.current = true;
    paint([]);
    const element = rootRef.current;
    const run = () => {
      if (!jsOnLoad) return;
      // The app author's script (from the app's config, never from a user), as Gradio runs it
      // (not in strict mode), without eval: a script with the page's nonce.
      const outcome = evaluateScript(`function (${ON_LOAD_PARAMETERS}) {\n${jsOnLoad}\n}`, { strict: false });
      if ("error" in outcome) {
        console.error("[vitrine] HTML js_on_load could not be run:", outcome.error);
        return;
      }
      const onLoad = outcome.value as OnLoad;
      const trigger = (event: string, data?: unknown) => live.current.dispatch(String(event), data);
      const watch = (keys: string | string[], callback: () => void) =>
        void watchers.current.push({ keys: Array.isArray(keys) ? keys.map(String) : [String(keys)], callback });
      const uploadFile = async (file: File) => {
        const [data] = await live.current.upload([file]);
        if (!data) throw new Error("upload failed");
        return { path: data.path, url: live.current.fileUrl(data) };
      };
      const server = new Proxy({} as Record<string, (...args: unknown[]) => Promise<unknown>>, {
        get: (_t, name) =>
          typeof name !== "string" || name === "then"
            ? undefined
            : (...args: unknown[]) =>
                live.current.callServer
                  ? live.current.callServer(name, args)
                  : Promise.reject(new Error("This page cannot call server functions.")),
      });
      try {
        onLoad(element, trigger, scriptProps(scope, fromServer, paint, (v) => live.current.onChange(v)), server, uploadFile, watch);
      } catch (err) {
        console.error("[vitrine] HTML js_on_load threw:", err);
      }
    };
    if (props.head) {
      loadHead(props.head).then(run, (err: unknown) => {
        console.error("[vitrine] HTML head:", err);
        run();
      });
    } else run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  const showLabel = props.show_label === true && Boolean(props.label);
  const scrolls = props.max_height != null;
  const classes = ["vt-html", props.apply_default_css !== false ? "vt-html-default prose" : ""].filter(Boolean).join(" ");
  return (
    <div className={["vt-html-block", scrolls ? "vt-html-scroll" : ""].filter(Boolean).join(" ")}>
      <style ref={styleRef} />
      {showLabel ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {error ? (
        <div className="vt-html-error" role="alert">
          <strong>Error rendering HTML:</strong> {error}
        </div>
      ) : null}
      <div
        ref={rootRef}
        className={classes}
        data-vt-html={scopeId}
        role="region"
        aria-label={props.label ?? "HTML"}
        aria-busy={!ready || undefined}
        style={{
          minHeight: cssLength(props.min_height),
          maxHeight: cssLength(props.max_height),
          overflow: scrolls ? "auto" : undefined,
          padding: props.padding === true ? "var(--block-padding, var(--spacing-md))" : undefined,
        }}
      />
    </div>
  );
}

/**
 * `js_on_load`'s `props`: reads the current scope; a new value for a prop re-renders the
 * template, and a new `value` becomes the component's value (firing `change`).
 */
function scriptProps(
  scope: { current: Record<string, unknown> },
  fromServer: { current: Record<string, string> },
  paint: (changed: readonly string[]) => void,
  setValue: (value: unknown) => void,
): Record<string, unknown> {
  let pending: Set<string> | null = null;
  return new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => (typeof key === "string" ? scope.current[key] : undefined),
    set: (_t, key, v: unknown) => {
      if (typeof key !== "string") return false;
      if (Object.is(scope.current[key], v)) return true;
      scope.current[key] = v;
      if (key === "value") {
        // The value comes back from the page's store: not a change from the server.
        fromServer.current.value = JSON.stringify(v) ?? "undefined";
        setValue(v);
      }
      if (!pending) {
        pending = new Set();
        queueMicrotask(() => {
          pending = null;
          paint([]);
        });
      }
      pending.add(key);
      return true;
    },
    has: (_t, key) => key in scope.current,
    ownKeys: () => Reflect.ownKeys(scope.current),
    getOwnPropertyDescriptor: (_t, key) =>
      typeof key === "string" && key in scope.current
        ? { configurable: true, enumerable: true, writable: true, value: scope.current[key] }
        : undefined,
  });
}
