import { Block, type BlockProps, dropUndefined } from "./block.js";
import type { EventName, EventListener } from "./events.js";
import type { ProcessContext } from "./files.js";
import { attachListeners } from "./listeners.js";

/** Props every component accepts. */
export interface ComponentProps<TValue> extends BlockProps {
  /** Initial value. */
  value?: TValue | null;
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
}

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

  /** The browser view of this component. */
  abstract readonly ui: ComponentUi;

  readonly props: ComponentProps<TReturn>;

  constructor(props: ComponentProps<TReturn> = {}) {
    super(props);
    this.props = props;
    attachListeners(this, (this.constructor as typeof Component).events);
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
    const value = this.props.value;
    return value === undefined || value === null ? this.emptyPayload() : this.postprocess(value);
  }

  /** The wire value shown when there is no value (Clear resets to it). */
  emptyPayload(): unknown {
    return null;
  }

  override configProps(): Record<string, unknown> {
    const { value: _value, interactive: _interactive, ...common } = this.props;
    return {
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
