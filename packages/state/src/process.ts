import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type BlockProps, type ComponentProps, type Listeners } from "@vitrine/core";
import { stateEvents, type StateEvent } from "./events.js";

/** Props of a State. */
export interface StateProps<T> extends BlockProps {
  /**
   * Each session's first value: a value (deep-copied for every session), or a function called
   * once per session to make it (for values that cannot be copied, or should differ per user).
   */
  value?: T | (() => T);
  /** Seconds a value is kept after it was last set; then it is deleted (and `delete_callback` runs). Default: for the whole session. */
  time_to_live?: number | null;
  /** Called with the value when it is deleted: its TTL passed, or its session ended. */
  delete_callback?: ((value: T) => void | Promise<void>) | null;
}

/**
 * A value kept on the server for each user session, never sent to the browser. As an input,
 * the function receives the session's current value; as an output, what it returns becomes the
 * session's new value (and `change` fires when it differs). It is not an API parameter: clients
 * (Vitrine's and Gradio's) keep it on the server under their session hash.
 */
export class StateComponent<T = unknown> extends Component<T, T, null> {
  static override readonly events = stateEvents;
  /** A function `value` is called once per session by the State itself, not on page load. */
  static override readonly ownsValueFunction = true;
  readonly type = "state";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  /** The props the State was created with. */
  readonly stateProps: StateProps<T>;

  constructor(props: StateProps<T> = {}) {
    const ttl = props.time_to_live;
    if (ttl !== undefined && ttl !== null && !(typeof ttl === "number" && ttl > 0)) {
      throw new TypeError(`State time_to_live must be a positive number of seconds, got ${JSON.stringify(ttl)}`);
    }
    // All of its props are kept (a copy of the component is made from them); none is sent to the page.
    super(props as ComponentProps<T>);
    this.stateProps = props;
  }

  /** A new session's value: a deep copy of `value`, or what the `value` function returns. */
  initialValue(): T {
    const value = this.stateProps.value;
    if (typeof value === "function") return (value as () => T)();
    return value === undefined ? (null as T) : structuredClone(value);
  }

  /** Milliseconds a value lives after it was set, or null for the whole session. */
  get timeToLiveMs(): number | null {
    const ttl = this.stateProps.time_to_live;
    return typeof ttl === "number" ? ttl * 1000 : null;
  }

  /** Runs `delete_callback` for a deleted value; its errors are logged, never thrown. */
  async deleted(value: T): Promise<void> {
    const callback = this.stateProps.delete_callback;
    if (!callback) return;
    try {
      await callback(value);
    } catch (err) {
      console.error(`[vitrine] a State's delete_callback failed:`, err);
    }
  }

  override get skipApi(): boolean {
    return true;
  }

  /** The value never travels: the server holds it. */
  override initialPayload(): null {
    return null;
  }

  /** Only what the page needs: never the value, the callback or the secret. */
  override configProps(): Record<string, unknown> {
    const { visible = true, elem_id = null, elem_classes = null } = this.blockProps as BlockProps;
    return { visible, elem_id, elem_classes, time_to_live: this.stateProps.time_to_live ?? null, value: null, name: this.type };
  }


  api(): ApiDescription {
    return { type: {}, python_type: { type: "Any", description: "stateful value kept on the server" } };
  }
}
export interface StateComponent<T> extends Listeners<StateEvent> {}

/**
 * A value kept on the server for each user session (Gradio's `gr.State`).
 *
 * @example
 * const history = vt.State({ value: [] as string[] });
 * box.submit({ fn: (msg: string, h: string[]) => [...h, msg], inputs: [box, history], outputs: [history] });
 */
export function State<T = unknown>(props: StateProps<T> = {}): StateComponent<T> {
  return new StateComponent<T>(props);
}
export type State<T = unknown> = StateComponent<T>;
