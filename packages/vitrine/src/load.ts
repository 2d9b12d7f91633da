import { Client, ClientError, type ClientOptions } from "@vitrine/client";
import { VitrineError, type AnyComponent, type ApiInfo, type AppConfig, type ComponentConfig, type DependencyConfig } from "@vitrine/core";
import { Checkbox } from "@vitrine/checkbox";
import { Markdown } from "@vitrine/markdown";
import { Number as NumberInput } from "@vitrine/number";
import { Radio } from "@vitrine/radio";
import { Slider } from "@vitrine/slider";
import { Textbox } from "@vitrine/textbox";
import { Interface, type InterfaceComponents, type InterfaceOptions } from "./interface.js";

/**
 * A remote endpoint as a function: it takes the endpoint's inputs in order (trailing ones with
 * a default may be left out) and resolves with its output — the bare value for one output, a
 * list for several. Used as an event's `fn`, it also takes the event context: cancelling the
 * event cancels the remote call. A remote `gr.Error` / `vt.Error` rejects with a `vt.Error` of
 * the same message, so it reaches the user.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RemoteFunction = (...args: any[]) => Promise<any>;

/** Options of {@link load}. */
export type LoadOptions = Omit<
  InterfaceOptions<InterfaceComponents, InterfaceComponents>,
  "fn" | "inputs" | "outputs" | "examples" | "batch" | "max_batch_size" | "api_name"
> & {
  /**
   * The remote endpoint the page shows (`"/predict"` or `"predict"`); it keeps its name in the
   * loaded app. Default `/predict` when the app has one, else its first named endpoint.
   */
  api_name?: string;
  /** Example inputs, one row per example (as an Interface's `examples`). */
  examples?: readonly unknown[];
  /** Headers sent with every request to the remote app (e.g. `Authorization`). */
  headers?: Record<string, string>;
  /** The `fetch` used to reach the remote app. */
  fetch?: typeof fetch;
};

/** Builds a component from a remote config entry's props (those Vitrine's component takes). */
type Rebuild = (props: Record<string, unknown>) => AnyComponent;

const COMMON = ["value", "label", "info", "show_label", "container", "scale", "min_width", "visible", "elem_id", "elem_classes"];

/** The component types {@link load} can rebuild from a remote config, and the props each keeps. */
const REBUILDERS: Record<string, Rebuild> = {
  textbox: (p) => Textbox(pick(p, [...COMMON, "lines", "max_lines", "placeholder", "type", "show_copy_button", "text_align", "rtl", "max_length"])),
  number: (p) => NumberInput(pick(p, [...COMMON, "minimum", "maximum", "step", "precision", "placeholder"])),
  slider: (p) => Slider(pick(p, [...COMMON, "minimum", "maximum", "step"])),
  checkbox: (p) => Checkbox(pick(p, COMMON)),
  // The remote app turns a choice into an index if it wants one: this side sends the value.
  radio: (p) => Radio(pick(p, [...COMMON, "choices"]) as never),
  markdown: (p) => Markdown(pick(p, [...COMMON, "sanitize_html", "line_breaks", "rtl", "latex_delimiters"])),
};

/** The component types {@link load} can rebuild from another app's config. */
export const LOADABLE_TYPES: readonly string[] = Object.keys(REBUILDERS);

/**
 * An app built from another running Vitrine or Gradio app by {@link load}: an Interface showing
 * one of its endpoints, whose function calls the remote app, and whose {@link LoadedApp.fn}
 * turns any of the remote endpoints into a function.
 */
export class LoadedApp extends Interface {
  /** The remote app's address, as given to `load`. */
  readonly src: string;
  /** The client connected to the remote app (one session, shared by every call). */
  readonly client: Client;
  /** The remote endpoint the page shows (`"/predict"`). */
  readonly endpoint: string;
  readonly #info: ApiInfo;

  /** Use {@link load}, which connects first. */
  constructor(src: string, client: Client, info: ApiInfo, options: LoadOptions = {}) {
    const { api_name, headers: _headers, fetch: _fetch, ...interfaceOptions } = options;
    const name = chooseEndpoint(src, info, api_name);
    const dep = dependencyNamed(client.config, name);
    const inputs = rebuildAll(src, name, client.config, dep.inputs, "input");
    const outputs = rebuildAll(src, name, client.config, dep.outputs, "output");
    const title = client.config.title && !["Gradio", "Vitrine"].includes(client.config.title) ? client.config.title : undefined;
    super({
      ...(title ? { title } : {}),
      ...interfaceOptions,
      fn: remoteFunction(client, name, info) as never,
      inputs,
      outputs,
      api_name: name.slice(1),
    } as never);
    this.src = src;
    this.client = client;
    this.endpoint = name;
    this.#info = info;
  }

  /**
   * One of the remote app's endpoints as a function ("Using Blocks like functions" in Gradio's
   * guides): call it, or pass it as an event's `fn`.
   *
   * @param endpoint `"/api_name"` (or `"api_name"`); default the endpoint the page shows.
   * @throws Error naming the remote endpoints when there is no such endpoint.
   * @example
   * const hello = await vt.load("http://127.0.0.1:7860/");
   * const greeting = await hello.fn("/predict")("Ada"); // "Hello, Ada!"
   */
  fn(endpoint: string = this.endpoint): RemoteFunction {
    return remoteFunction(this.client, endpointName(this.src, this.#info, endpoint), this.#info);
  }

  /** Stops serving (if launched) and closes the connection to the remote app. */
  override async close(): Promise<void> {
    await super.close();
    this.client.close();
  }
}

/**
 * Builds an app from another running Vitrine or Gradio (5/6) app, through `@vitrine/client`:
 * its endpoint (by default `/predict`) shows as an Interface whose components are rebuilt from
 * the remote config (textbox, number, slider, checkbox, radio, markdown; another type is an
 * error naming it), and every remote endpoint can be called as a function with
 * {@link LoadedApp.fn}. Options are the Interface's (title, description, examples, live, …).
 *
 * @example
 * const hello = await vt.load("http://127.0.0.1:7861/");
 * console.log(await hello.fn()("Ada"));
 * await hello.launch(); // the remote Interface, served here
 */
export async function load(src: string, options: LoadOptions = {}): Promise<LoadedApp> {
  if (typeof src !== "string" || !/^https?:\/\//i.test(src)) {
    throw new TypeError(`vt.load takes the URL of a running app (http:// or https://), got ${JSON.stringify(src)}`);
  }
  const clientOptions: ClientOptions = {};
  if (options.headers) clientOptions.headers = options.headers;
  if (options.fetch) clientOptions.fetch = options.fetch;
  const client = await Client.connect(src, clientOptions);
  try {
    return new LoadedApp(src, client, await client.view_api(), options);
  } catch (err) {
    client.close();
    throw err;
  }
}

/** The function that calls `endpoint` of the remote app through `client`. */
function remoteFunction(client: Client, endpoint: string, info: ApiInfo): RemoteFunction {
  const count = info.named_endpoints[endpoint]?.parameters.length ?? 0;
  const call = async (...given: unknown[]): Promise<unknown> => {
    let args = given;
    const context = args.length > 0 && isEventContext(args[args.length - 1]) ? (args[args.length - 1] as { signal: AbortSignal }) : null;
    if (context) args = args.slice(0, -1);
    args = args.slice(0, count);
    // Left out (or undefined): the client fills in the parameter's default, or says it is required.
    while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
    let data: unknown[];
    try {
      ({ data } = await client.predict(endpoint, args, context ? { signal: context.signal } : {}));
    } catch (err) {
      if (err instanceof ClientError && err.code !== "cancelled" && !context?.signal.aborted) {
        throw new VitrineError(err.message, { title: err.title, duration: err.duration, visible: err.visible });
      }
      throw err;
    }
    return data.length === 0 ? undefined : data.length === 1 ? data[0] : data;
  };
  Object.defineProperty(call, "name", { value: endpoint.slice(1) || "remote" });
  return call;
}

/** Whether a value is the event context an event function gets last. */
function isEventContext(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.signal instanceof AbortSignal && typeof v.progress === "function" && typeof v.session === "object";
}

/** The endpoint to show: the one asked for, else `/predict`, else the first named one. */
function chooseEndpoint(src: string, info: ApiInfo, asked: string | undefined): string {
  if (asked !== undefined) return endpointName(src, info, asked);
  const names = Object.keys(info.named_endpoints);
  if (names.includes("/predict")) return "/predict";
  if (names.length === 0) throw new Error(`vt.load(${src}): the app has no named endpoints to show`);
  return names[0]!;
}

function endpointName(src: string, info: ApiInfo, endpoint: string): string {
  const name = `/${String(endpoint).replace(/^\/+/, "")}`;
  if (!info.named_endpoints[name]) {
    const known = Object.keys(info.named_endpoints);
    throw new Error(`${src} has no endpoint ${name}; its endpoints are ${known.length ? known.join(", ") : "none"}`);
  }
  return name;
}

function dependencyNamed(config: AppConfig, name: string): DependencyConfig {
  const bare = name.slice(1);
  const dep = config.dependencies.find((d) => d.api_name === bare);
  if (!dep) throw new Error(`The config has no dependency for ${name}`);
  return dep;
}

/** Rebuilds the remote components with these ids (State left out: the client fills it in). */
function rebuildAll(src: string, endpoint: string, config: AppConfig, ids: readonly number[], role: "input" | "output"): AnyComponent[] {
  const byId = new Map<number, ComponentConfig>(config.components.map((c) => [c.id, c]));
  const out: AnyComponent[] = [];
  for (const id of ids) {
    const c = byId.get(id);
    if (!c) throw new Error(`vt.load(${src}): ${endpoint} has ${role} component ${id}, which its config does not describe`);
    if (c.type === "state") continue;
    const rebuild = REBUILDERS[c.type];
    if (!rebuild) {
      const label = typeof c.props.label === "string" ? ` "${c.props.label}"` : "";
      throw new Error(
        `vt.load(${src}): ${endpoint} has a ${JSON.stringify(c.type)} ${role}${label}, a component Vitrine cannot rebuild ` +
          `(it rebuilds ${LOADABLE_TYPES.join(", ")}). Call this app with @vitrine/client instead.`,
      );
    }
    out.push(rebuild(c.props));
  }
  return out;
}

/** The entries of `props` named in `keys`, without null or undefined values. */
function pick(props: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (props[key] !== undefined && props[key] !== null) out[key] = props[key];
  return out;
}
