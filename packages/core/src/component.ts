import { Block, type BlockProps, dropUndefined } from "./block.js";
import type { EventName, EventListener } from "./events.js";
import type { ProcessContext } from "./files.js";
import { attachListeners } from "./listeners.js";
import { bindValueFunction, splitValueFunction, type AnyValueFunction, type ValueFunctionProps } from "./value-function.js";

/** Props every component accepts. */
export interface ComponentProps<TValue> extends BlockProps, ValueFunctionProps {
  /**
   * Initial value; or a function that makes it, run on each page load (and with `every` or
   * `inputs`, again on their ticks and changes), as Gradio's callable `value`.
   */
  value?: TValue | null | AnyValueFunction<TValue>;
  /** Label shown above the component and used as the API parameter name. */
  label?: string | null;
  /** Extra help text under the label. */
  info?: string | null;
  /** Whether the label is shown. */
  show_label?: boolean;
  /** Whether the component sits in a padded container. */
  container?: boolean;
  /** Relative width against siblings in a Row. */
  scale?: number | null;
  /** Minimum width in pixels. */
  min_width?: number;
  /** Whether the user can edit it; by default, inputs are and output-only components are not. */
  interactive?: boolean | null;
}

/** A JSON schema, as used in the API description. */
export type JsonSchema = Record<string, unknown>;

/** How a component describes its value in the API description (`/info`). */
export interface ApiDescription {
  /** JSON schema of the wire value. */
  type: JsonSchema;
  /** The value type as Gradio's clients print it (`str`, `float`, `bool`, …). */
  python_type: { type: string; description: string };
}

/** Where the browser finds a component's view: an ES module whose default export is a React component. */
export interface ComponentUi {
  /** Absolute path of the built browser module on disk. */
  file: string;
  /**
   * Folders of files the view loads by URL, shared with other component types: folder name →
   * absolute directory. The view, served at `components/<type>.js`, reaches them at
   * `components/<folder>/<file>` (`new URL("./<folder>/<file>", import.meta.url)`), the same URL
   * whichever component on the page asks, so the browser downloads them once (plotly.js for
   * Plot and the native plots; Markdown's highlighter for Chatbot). A folder named like a
   * component type on the page is that type's own folder, which wins.
   */
  assets?: Readonly<Record<string, string>>;
}

/** What a component's server function gets besides its data. */
export interface ServerFunctionContext {
  /** The session of the page (or client) that called it. */
  session_hash: string;
}

/**
 * A function a component's view calls on the server (Gradio's `@server` methods: FileExplorer's
 * `ls`). `data` comes from a browser as JSON: check it. Its JSON-serializable result is the
 * answer; a {@link VitrineError} thrown is answered as a 400 with its message.
 */
export type ServerFunction = (data: unknown, context: ServerFunctionContext) => unknown;

/**
 * Base of every component. `TValue` is what the event function receives when the
 * component is an input; `TReturn` is what the function returns for it as an output;
 * `TPayload` is the JSON value that travels on the wire.
 *
 * A subclass sets `type`, `ui`, and overrides `preprocess`, `postprocess` and `api()`.
 * Its events are declared once, in a `readonly` list passed to {@link defineEvents}.
 */
export abstract class Component<TValue = unknown, TReturn = TValue, TPayload = unknown> extends Block {
  /** Phantom: the function argument type. */
  declare readonly __value: TValue;
  /** Phantom: the function return type. */
  declare readonly __return: TReturn;

  /** Names of the events this component fires. */
  static readonly events: readonly string[] = [];

  /** Whether the component calls a function `value` itself (State), rather than on page load. */
  static readonly ownsValueFunction: boolean = false;

  /** The browser view of this component. */
  abstract readonly ui: ComponentUi;

  /** The props given to the constructor, a function `value` replaced by its first result. */
  readonly props: ComponentProps<TReturn>;

  constructor(props: ComponentProps<TReturn> = {}) {
    // A function `value` is set aside (see value-function.ts): the props kept hold its first result.
    super(splitValueFunction(props, new.target.ownsValueFunction));
    this.props = this.blockProps as ComponentProps<TReturn>;
    attachListeners(this, (this.constructor as typeof Component).events);
    bindValueFunction(this, this.props);
  }

  /** The initial value (never a function: a function's first result, or nothing). */
  protected get valueProp(): TReturn | null | undefined {
    return this.props.value as TReturn | null | undefined;
  }

  /**
   * Turns the wire value into the function's argument. Components with files read them through
   * `context.files` and may return a promise (the server awaits it).
   */
  preprocess(payload: TPayload, _context?: ProcessContext): TValue | Promise<TValue> {
    return payload as unknown as TValue;
  }

  /**
   * Turns the function's return value into the wire value. Components with files write them
   * through `context.files` (and get FileData back) and may return a promise.
   */
  postprocess(value: TReturn, _context?: ProcessContext): TPayload | Promise<TPayload> {
    return value as unknown as TPayload;
  }

  /** Describes the wire value for the API page and clients. */
  abstract api(): ApiDescription;

  /** An example input shown on the API page. */
  exampleInput(): unknown {
    return null;
  }

  /** Turns an example (as the user wrote it in `examples`) into the wire value. */
  processExample(example: unknown): unknown {
    return example === null || example === undefined ? null : this.postprocess(example as TReturn);
  }

  /**
   * Turns an example into the wire value with the server's file store, when the server starts:
   * file components override it so that an example given as a path (or bytes) is copied into the
   * cache and shown from there (see `FileValuedComponent`, which does it). Default {@link processExample}.
   */
  async processExampleWithFiles(example: unknown, _context: ProcessContext): Promise<unknown> {
    return this.processExample(example);
  }

  /**
   * Functions this component's view may call by name through `POST /gradio_api/component_server/`
   * (the config lists their names in `props.server_fns`, as Gradio's does). Default none.
   */
  serverFunctions(): Readonly<Record<string, ServerFunction>> {
    return {};
  }

  /**
   * Config props that need the server's file store, made once when the server starts and laid
   * over {@link configProps} in the config: by default the initial value, when it is a file given
   * as a path ({@link initialValueNeedsFiles}); a Dataset adds its samples. Null when none.
   */
  async configPropsWithFiles(context: ProcessContext): Promise<Record<string, unknown> | null> {
    return this.initialValueNeedsFiles() ? { value: await this.initialPayloadWithFiles(context) } : null;
  }

  /** Whether clients leave this component out of the API (State, buttons). */
  get skipApi(): boolean {
    return false;
  }

  /** Whether `interactive` was set explicitly. */
  get explicitInteractive(): boolean | null {
    return this.props.interactive ?? null;
  }

  /** Defaults of the common props, which the user's props override (buttons have no container, …). */
  protected defaultProps(): Record<string, unknown> {
    return { show_label: true, container: true, min_width: 160 };
  }

  /** Component-specific props for the browser (besides the common ones). */
  protected ownProps(): Record<string, unknown> {
    return {};
  }

  /** The initial value as sent to the browser. */
  initialPayload(): unknown {
    const value = this.valueProp;
    return value === undefined || value === null ? this.emptyPayload() : this.postprocess(value);
  }

  /**
   * Whether the initial value needs the server's file store to be shown: a path, bytes, or a
   * list of them (`vt.Image({ value: "cat.png" })`) that {@link initialPayload} cannot send
   * without it (it gives null). The server then makes it with {@link initialPayloadWithFiles}
   * when it builds the config.
   */
  initialValueNeedsFiles(): boolean {
    const value = this.valueProp as unknown;
    const fileLike = (v: unknown) => (typeof v === "string" && v !== "" && !/^https?:\/\//i.test(v)) || v instanceof Uint8Array;
    if (this.skipApi || !(fileLike(value) || (Array.isArray(value) && value.length > 0 && value.every(fileLike)))) return false;
    const payload = this.initialPayload();
    return payload === null || payload === undefined;
  }

  /**
   * The initial value made with the server's file store: the value through `postprocess` with
   * `context`, so that a path is copied into the cache (only from the working directory, the
   * temp folder or `allowed_paths`, as for returned files) and sent as a FileData.
   */
  async initialPayloadWithFiles(context: ProcessContext): Promise<unknown> {
    const value = this.valueProp;
    return value === null || value === undefined ? this.emptyPayload() : await this.postprocess(value, context);
  }

  /** The wire value shown when there is no value (Clear resets to it). */
  emptyPayload(): unknown {
    return null;
  }

  override configProps(): Record<string, unknown> {
    const { value: _value, interactive: _interactive, preserved_by_key: _preserved, ...common } = this.props;
    const serverFns = Object.keys(this.serverFunctions());
    return {
      ...(serverFns.length > 0 ? { server_fns: serverFns } : {}),
      ...super.configProps(),
      ...this.defaultProps(),
      ...dropUndefined(common as Record<string, unknown>),
      ...this.ownProps(),
      value: this.initialPayload(),
      name: this.type,
    };
  }
}

/**
 * Event listener methods for the events `E` (`click`, `change`, …); `M` maps the events that
 * carry data to its type (`{ select: SelectData }`), which types `ctx.event` in their listeners.
 */
export type Listeners<E extends EventName, M extends { [K in E]?: unknown } = {}> = {
  readonly [K in E]: EventListener<K extends keyof M ? M[K] : unknown>;
};

/** Any component; used for parameter positions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponent = Component<any, any, any>;

/** The argument type an event function receives for component `C`. */
export type ValueOf<C> = C extends Component<infer V, any, any> ? V : never;
/** The type an event function returns for component `C`. */
export type ReturnOf<C> = C extends Component<any, infer R, any> ? R : never;
