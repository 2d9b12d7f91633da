import { Block, Container, type BlockProps } from "./block.js";
import { Component, type AnyComponent } from "./component.js";
import {
  API_PREFIX,
  PROTOCOL_VERSION,
  type ApiEndpoint,
  type ApiInfo,
  type ApiParameter,
  type AppConfig,
  type ComponentConfig,
  type DependencyConfig,
  type LayoutNode,
} from "./config.js";
import { Dependency, type AnyEventOptions, type ComponentList, type DependencyRegistry, type EventOptions, type OutputList } from "./events.js";
import { parameterList, parameterNames, toIdentifier } from "./names.js";
import { VERSION } from "./version.js";
import { StartupTasks, type StartTask } from "./startup.js";
import { attachValueFunctions } from "./value-function.js";

/** The render region a dependency rebuilds (a `RenderBlock`, set by `vt.render`). */
const renderSources = new WeakMap<Dependency, { readonly id: number }>();

/** Marks a dependency as the one that rebuilds render region `source`. */
export function markRenderDependency(dep: Dependency, source: { readonly id: number }): void {
  renderSources.set(dep, source);
}

/** The render region a dependency rebuilds, or null. */
export function renderSourceOf(dep: Dependency): { readonly id: number } | null {
  return renderSources.get(dep) ?? null;
}

/** The id of the render region a dependency rebuilds, or null. */
export function renderIdOf(dep: Dependency): number | null {
  return renderSources.get(dep)?.id ?? null;
}

/** Queue settings of an app (Gradio's `demo.queue(...)`). */
export interface QueueSettings {
  /** Concurrency limit of events that don't set one. Default 1; `null` for unlimited. */
  default_concurrency_limit?: number | null;
  /** Most events waiting at once; a join beyond it is refused. Default unlimited. */
  max_size?: number | null;
  /**
   * Whether clients may call queued endpoints directly with `POST {api_prefix}/run/<api_name>`,
   * skipping the queue (Gradio's `api_open`). Default true; when false, such calls are refused
   * and only `queue: false` events answer there.
   */
  api_open?: boolean;
}

/**
 * A theme as the app holds it: the name of a prebuilt one (`"soft"`), or a theme object from
 * `@vitrine/themes` (anything with a `css()` that returns its stylesheet).
 */
export type ThemeLike = string | { readonly name?: string; css(): string };

/** A function run when a session ends, with the session's hash. */
export type UnloadFn = (session: { session_hash: string }) => unknown;

/** The options of an app's page that can also be given at launch. */
export type PageOptions = Pick<
  BlocksProps,
  "theme" | "css" | "css_paths" | "js" | "head" | "head_paths" | "fill_height" | "fill_width" | "show_api"
>;

/** Props of a Blocks app. */
export interface BlocksProps extends BlockProps {
  /** Browser tab title. Default "Vitrine". */
  title?: string;
  /** The look of the page: a theme from `@vitrine/themes` (`vt.themes.Soft()`) or a prebuilt theme's name. Default "Default". */
  theme?: ThemeLike | null;
  /** Custom CSS added to the page after the theme (`.gradio-container` and `.vitrine-container` select the app's root). */
  css?: string | null;
  /** The source of a JavaScript function run in the page once it has loaded. */
  js?: string | ((...args: any[]) => unknown) | null;
  /** Files of CSS added after `css` (paths relative to the working directory), read once when the app is first served. */
  css_paths?: string | readonly string[] | null;
  /** HTML added to the page's `<head>` (meta tags, scripts, styles), as given: only put trusted markup here. */
  head?: string | null;
  /** Files of HTML added to the page's `<head>` after `head`, read once when the app is first served. */
  head_paths?: string | readonly string[] | null;
  /** Whether the app fills the window's height; blocks with a `scale` grow to fill it. Default false. */
  fill_height?: boolean;
  /** Whether the app spans the whole window's width instead of a centred column. Default false. */
  fill_width?: boolean;
  /** Shown as "interface" or "blocks" in the config. */
  mode?: "blocks" | "interface" | "chat_interface";
  /** Whether the page's footer links to the API page (the endpoints stay callable). Default true. */
  show_api?: boolean;
}

/**
 * An app under construction or ready to serve: the root of the layout tree and the
 * registry of its event dependencies. Build one with {@link Blocks}.
 */
export class BlocksApp extends Container implements DependencyRegistry {
  readonly type = "blocks";
  /** Every event wiring of the app; the index of each is its `fn_index`. */
  readonly dependencies: Dependency[] = [];
  /** The app's options (title, theme, css, …). */
  props: BlocksProps;
  private readonly apiNames = new Set<string>();
  /** Queue settings; change them with {@link BlocksApp.queue}. */
  queueSettings: Required<QueueSettings> = { default_concurrency_limit: 1, max_size: null, api_open: true };
  /** A stable id for this app's lifetime (safe as a JS number). */
  readonly appId = Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);

  constructor(props: BlocksProps = {}) {
    super({ ...props, render: false });
    this.props = props;
  }

  /**
   * Sets the page's look (theme, css, js, head, …) after the app was built, as Gradio 6's
   * `launch(theme=…, css=…)` does; what is given replaces the app's own. Returns the app.
   */
  page(options: PageOptions): this {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.props = { ...this.props, ...given };
    return this;
  }

  /** Functions run when a session ends (see {@link BlocksApp.unload}). */
  readonly unloadCallbacks: UnloadFn[] = [];

  /**
   * Runs `fn` when a user's session ends: their page closed (or reloaded), or, for an API
   * client, it went unused. Gradio's `demo.unload(fn)`. Errors are logged.
   *
   * @example demo.unload(({ session_hash }) => console.log(`${session_hash} left`));
   */
  unload(fn: UnloadFn): this {
    if (typeof fn !== "function") throw new TypeError("unload takes a function");
    this.unloadCallbacks.push(fn);
    return this;
  }

  /** Sets queue settings, as Gradio's `demo.queue(...)`; returns the app. */
  queue(settings: QueueSettings): this {
    this.queueSettings = { ...this.queueSettings, ...settings };
    return this;
  }

  private readonly startTasks = new StartupTasks();

  /**
   * Runs `task` once before the app serves (caching examples, loading a model): `launch()`
   * awaits every start task before it listens, and fails if one throws; `mount()` starts them
   * in the background. Tasks run one after the other, in the order added. Returns the app.
   *
   * @example demo.onStart(async () => { model = await loadModel(); });
   */
  onStart(task: StartTask): this {
    this.startTasks.add(task);
    return this;
  }

  /**
   * Runs the start tasks not yet run (see {@link BlocksApp.onStart}); calls share one run.
   * Rejects with a {@link StartupError} when a task throws.
   */
  startup(): Promise<void> {
    return this.startTasks.run();
  }

  /** The page title; "Vitrine" when none was given. */
  get title(): string {
    return this.props.title ?? "Vitrine";
  }

  /**
   * Runs `build` with the app as the current scope, then gives each component whose `value` is
   * a function its load event (as Gradio does when its `with Blocks()` ends).
   */
  override build<R>(build?: (self: this) => R): R | undefined {
    const result = super.build(build);
    attachValueFunctions(this);
    return result;
  }

  /** Adds an event wiring to the app, giving it a unique API name; returns its `fn_index`. */
  registerDependency(dep: Dependency): number {
    dep.apiName = this.uniqueApiName(dep);
    this.dependencies.push(dep);
    return this.dependencies.length - 1;
  }

  private uniqueApiName(dep: Dependency): string | null {
    const requested = dep.options.api_name;
    if (requested === false || !dep.fn) return null;
    let base = typeof requested === "string" && requested ? requested.replace(/^\//, "") : defaultApiName(dep.fn);
    base = base || "lambda";
    let name = base;
    for (let i = 1; this.apiNames.has(name); i++) name = `${base}_${i}`;
    this.apiNames.add(name);
    return name;
  }

  /**
   * Runs a function when the page loads (and, with `every`, again every so many seconds
   * while it stays open), like Gradio's `demo.load(...)`.
   */
  load<
    const I extends ComponentList | undefined = undefined,
    const O extends OutputList | undefined = undefined,
    const B extends boolean = false,
  >(
    options: EventOptions<I, O, B>,
  ): Dependency {
    const dep = new Dependency(this, [[this, "load"]], options as AnyEventOptions);
    dep.id = this.registerDependency(dep);
    return dep;
  }

  /** The dependency with the given `fn_index`, if any. */
  dependency(fnIndex: number): Dependency | undefined {
    return Number.isInteger(fnIndex) ? this.dependencies[fnIndex] : undefined;
  }

  /** The public dependency with the given API name (`"predict"` or `"/predict"`). */
  dependencyByApiName(name: string): Dependency | undefined {
    const bare = name.replace(/^\//, "");
    return this.dependencies.find((d) => d.apiName === bare);
  }

  /** Every block of the app: the layout tree, then components used by events but not placed. */
  blocks(): Block[] {
    const seen = new Set<Block>();
    const walk = (block: Block): void => {
      seen.add(block);
      if (block instanceof Container) block.children.forEach(walk);
    };
    this.children.forEach(walk);
    for (const dep of this.dependencies) {
      for (const c of [...dep.inputs, ...dep.outputs]) seen.add(c);
      // `load` targets the app itself, which the config lists once, as the root column.
      for (const [target] of dep.targets) if (target !== this) seen.add(target);
    }
    return [...seen];
  }

  /** The serialized config, minus what the server fills in per request (`root`, `ui_modules`). */
  config(): Omit<AppConfig, "ui_modules" | "root"> {
    const inputIds = new Set(this.dependencies.flatMap((d) => d.inputs.map((c) => c.id)));
    const outputIds = new Set(this.dependencies.flatMap((d) => d.outputs.map((c) => c.id)));
    const components: ComponentConfig[] = this.blocks().map((block) =>
      blockConfig(block, inputIds.has(block.id), outputIds.has(block.id)),
    );
    components.push({
      id: this.id,
      type: "column",
      props: { visible: true, scale: 1, min_width: 0 },
      skip_api: true,
      component_class_id: "column",
      key: null,
    });
    return {
      version: PROTOCOL_VERSION,
      vitrine_version: VERSION,
      protocol: "sse_v3",
      api_prefix: API_PREFIX,
      mode: this.props.mode ?? "blocks",
      title: this.title,
      css: this.props.css ?? null,
      theme: themeName(this.props.theme),
      js: jsSource(this.props.js),
      head: this.props.head ?? null,
      fill_height: this.props.fill_height ?? false,
      fill_width: this.props.fill_width ?? false,
      enable_queue: true,
      connect_heartbeat: false,
      show_api: this.props.show_api ?? true,
      api_open: this.queueSettings.api_open,
      show_error: false,
      app_id: this.appId,
      space_id: null,
      max_file_size: null,
      components,
      dependencies: this.dependencies.map((d) => dependencyConfig(d, { render_id: renderIdOf(d) })),
      layout: layoutOf(this),
    };
  }

  /** The API description served at `/gradio_api/info`. */
  apiInfo(): ApiInfo {
    const named: Record<string, ApiEndpoint> = {};
    for (const dep of this.dependencies) {
      if (!dep.apiName || !dep.fn || dep.options.show_api === false) continue;
      const names = parameterNames(dep.fn);
      // Parameter names line up with the function's parameters, State inputs included.
      const parameters = dep.inputs
        .map((c, i) => [c, i] as const)
        .filter(([c]) => !c.skipApi)
        .map(([c, i]): ApiParameter => {
          const label = componentLabel(c, names[i] ?? null, i);
          // As Gradio: the component's initial value is the parameter's default.
          const initial = c.initialPayload();
          const hasDefault = initial !== null && initial !== undefined;
          return {
            label,
            parameter_name: names[i] ?? toIdentifier(label),
            parameter_has_default: hasDefault,
            parameter_default: hasDefault ? initial : null,
            ...c.api(),
            component: componentDisplayName(c),
            example_input: c.exampleInput(),
          };
        });
      const returns = dep.outputs
        .filter((c): c is AnyComponent => c instanceof Component && !c.skipApi)
        .map((c, i): ApiParameter => ({
          label: componentLabel(c, null, i, "output"),
          ...c.api(),
          component: componentDisplayName(c),
        }));
      named[`/${dep.apiName}`] = {
        parameters,
        returns,
        api_visibility: "public",
        show_api: true,
        description: dep.options.api_description ?? "",
      };
    }
    return { named_endpoints: named, unnamed_endpoints: {} };
  }

  /** The distinct component classes used by the app, by type (for loading their views). */
  componentTypes(): Map<string, AnyComponent> {
    const types = new Map<string, AnyComponent>();
    for (const block of this.blocks()) {
      if (block instanceof Component && !types.has(block.type)) types.set(block.type, block);
    }
    return types;
  }
}

function themeName(theme: ThemeLike | null | undefined): string {
  if (!theme) return "default";
  return typeof theme === "string" ? theme : (theme.name ?? "custom");
}

function jsSource(js: BlocksProps["js"]): string | null {
  if (!js) return null;
  return typeof js === "string" ? js : Function.prototype.toString.call(js);
}

function defaultApiName(fn: (...args: never[]) => unknown): string {
  const name = fn.name;
  return name && name !== "fn" && /^[A-Za-z_$][\w$]*$/.test(name) ? name : "lambda";
}

/** The label of a component as the API page shows it. */
function componentLabel(c: AnyComponent, paramName: string | null, index: number, role = "input"): string {
  return c.props.label ?? paramName ?? (index ? `${role} ${index}` : role);
}

/** The component's name as Gradio's API page shows it (`Textbox`, `Highlightedtext`). */
export function componentDisplayName(c: AnyComponent): string {
  // As Gradio: the type, capitalized as Python's str.capitalize() does ("highlightedtext" → "Highlightedtext").
  return c.type.charAt(0).toUpperCase() + c.type.slice(1).toLowerCase();
}

/** One block's entry in the config's `components` list. */
export function blockConfig(block: Block, isInput: boolean, isOutput: boolean): ComponentConfig {
  const props = block.configProps();
  if (block instanceof Component) {
    const explicit = block.explicitInteractive;
    props.interactive = explicit ?? (isInput || !isOutput);
    return {
      id: block.id,
      type: block.type,
      props,
      skip_api: block.skipApi,
      component_class_id: block.type,
      key: block.blockProps.key ?? null,
      api_info: block.api().type,
      example_inputs: block.exampleInput(),
    };
  }
  return { id: block.id, type: block.type, props, skip_api: true, component_class_id: block.type, key: null };
}

/** Events whose listeners default to trigger_mode "always_last" (as in Gradio). */
const ALWAYS_LAST_EVENTS = new Set(["change", "key_up"]);

function defaultTriggerMode(dep: Dependency): DependencyConfig["trigger_mode"] {
  const events = dep.targets.map(([, event]) => event);
  return events.length > 0 && events.every((e) => ALWAYS_LAST_EVENTS.has(e)) ? "always_last" : "once";
}

/**
 * Whether a listener's function can read the event's data (`collects_event_data` in the
 * config): it takes the event context, which holds `event.data` — its parameter list is longer
 * than its inputs (the context comes right after them) or ends in a rest parameter. A function
 * that takes only its inputs never sees the event's data, whatever the event.
 */
export function collectsEventData(dep: Dependency): boolean {
  const fn = dep.fn;
  if (!fn) return false;
  const params = parameterList(fn);
  return params.length > dep.inputs.length || params.some((p) => p.startsWith("..."));
}

/** One dependency's entry in the config's `dependencies` list. */
export function dependencyConfig(
  dep: Dependency,
  render: { rendered_in?: number | null; render_id?: number | null } = {},
): DependencyConfig {
  const o = dep.options;
  const batch = o.batch === true;
  const visibility = o.api_name === false ? "private" : o.show_api === false ? "undocumented" : "public";
  const stream = dep.targets.some(([, event]) => event === "stream");
  return {
    id: dep.id,
    targets: dep.targets.map(([block, event]) => [block.id, event]),
    inputs: dep.inputs.map((c) => c.id),
    outputs: dep.outputs.map((c) => c.id),
    backend_fn: dep.fn !== null,
    js: o.js ? (typeof o.js === "string" ? o.js : Function.prototype.toString.call(o.js)) : null,
    queue: dep.queued,
    api_name: dep.apiName,
    api_visibility: visibility,
    show_api: visibility === "public",
    api_description: o.api_description ?? null,
    types: { generator: dep.isGenerator, cancel: false },
    connection: stream ? "stream" : "sse",
    cancels: dep.cancels.map((d) => d.id),
    batch,
    max_batch_size: o.max_batch_size ?? 4,
    concurrency_limit: o.concurrency_limit === undefined ? "default" : o.concurrency_limit,
    concurrency_id: dep.concurrencyId,
    // As Gradio, a stream listener shows minimal progress unless told otherwise.
    show_progress: o.show_progress ?? (stream ? "minimal" : "full"),
    trigger_mode: o.trigger_mode ?? defaultTriggerMode(dep),
    trigger_after: dep.triggerAfter?.id ?? null,
    trigger_only_on_success: dep.triggerWhen === "success",
    trigger_only_on_failure: dep.triggerWhen === "failure",
    every: o.every ?? null,
    scroll_to_output: o.scroll_to_output ?? false,
    collects_event_data: render.render_id == null && collectsEventData(dep),
    rendered_in: render.rendered_in ?? null,
    render_id: render.render_id ?? null,
    time_limit: o.time_limit ?? null,
    stream_every: o.stream_every ?? 0.5,
    event_specific_args: null,
    component_prop_inputs: [],
    js_implementation: null,
    show_progress_on: null,
  };
}

/** The layout tree under a block, by id. */
export function layoutOf(block: Block): LayoutNode {
  if (block instanceof Container) return { id: block.id, children: block.children.map(layoutOf) };
  return { id: block.id };
}

/**
 * Builds an app: blocks created inside `build` are placed in it, in order.
 *
 * @example
 * const demo = vt.Blocks({ title: "Greeter" }, () => {
 *   const name = vt.Textbox({ label: "Name" });
 *   const out = vt.Textbox();
 *   vt.Button("Greet").click({ fn: (n: string) => `Hi ${n}`, inputs: [name], outputs: [out] });
 * });
 */
export function Blocks(build: (app: BlocksApp) => void): BlocksApp;
export function Blocks(props: BlocksProps, build: (app: BlocksApp) => void): BlocksApp;
export function Blocks(a: BlocksProps | ((app: BlocksApp) => void), b?: (app: BlocksApp) => void): BlocksApp {
  const [props, build] = typeof a === "function" ? [{}, a] : [a, b];
  return new BlocksApp(props).fill(build);
}
