import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type BlockProps, type ComponentProps, type Listeners } from "@vitrine/core";
import { browserStateEvents, type BrowserStateEvent } from "./events.js";
import { keyOf, seal, unseal, type Sealed } from "./seal.js";

/** Props of a BrowserState. */
export interface BrowserStateProps<T> extends BlockProps {
  /** The value before anything was stored (deep-copied for each use). */
  value?: T;
  /** The localStorage key it is kept under. Default: a random key made when the app starts. */
  storage_key?: string | null;
  /**
   * The secret its value is encrypted with (AES-256-GCM, on the server: the browser only ever
   * holds ciphertext). Default: a random secret made when the app starts, so stored values last
   * until the server restarts; set one to keep them across restarts.
   */
  secret?: string | null;
}

/**
 * A value kept in the user's browser (localStorage), across page reloads (Gradio's
 * `gr.BrowserState`). Functions read and write it like any value; the server encrypts it, so
 * the page can neither read nor forge it. A value sealed with another secret, or tampered
 * with, reads as the default.
 */
export class BrowserStateComponent<T = unknown> extends Component<T, T, Sealed | null> {
  static override readonly events = browserStateEvents;
  readonly type = "browserstate";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  /** The `localStorage` key the value is kept under in the browser. */
  readonly storageKey: string;
  private readonly key: Buffer;
  private readonly initial: T;

  constructor(props: BrowserStateProps<T> = {}) {
    // The key and secret made here are kept in its props, so a copy of the component shares them.
    const storageKey = props.storage_key ?? `vitrine-browserstate-${randomBytes(6).toString("hex")}`;
    const secret = props.secret ?? randomBytes(32).toString("hex");
    super({ ...props, storage_key: storageKey, secret } as ComponentProps<T>);
    this.initial = (props.value ?? null) as T;
    this.storageKey = storageKey;
    this.key = keyOf(secret);
  }

  /** The default value, a fresh copy. */
  defaultValue(): T {
    return structuredClone(this.initial);
  }

  /** Opens the sealed value the page sent; the default when there is none or it is not ours. */
  override preprocess(payload: Sealed | null): T {
    const value = unseal(this.key, payload);
    return value === undefined ? this.defaultValue() : (value as T);
  }

  /** Seals the value for the page to store. */
  override postprocess(value: T): Sealed {
    return seal(this.key, value);
  }

  /** The page starts with nothing sealed: until it stores a value, functions get the default. */
  override initialPayload(): null {
    return null;
  }

  override get skipApi(): boolean {
    return true;
  }

  /** Only what the page needs: never the value, the callback or the secret. */
  override configProps(): Record<string, unknown> {
    const { visible = true, elem_id = null, elem_classes = null } = this.blockProps as BlockProps;
    return { visible, elem_id, elem_classes, storage_key: this.storageKey, value: null, name: this.type };
  }


  api(): ApiDescription {
    return { type: {}, python_type: { type: "Any", description: "value kept in the browser" } };
  }
}
export interface BrowserStateComponent<T> extends Listeners<BrowserStateEvent> {}

/**
 * A value kept in the user's browser across reloads, encrypted by the server.
 *
 * @example
 * const visits = vt.BrowserState({ value: 0, storage_key: "visits", secret: process.env.SECRET });
 * demo.load({ fn: (n: number) => n + 1, inputs: [visits], outputs: [visits] });
 */
export function BrowserState<T = unknown>(props: BrowserStateProps<T> = {}): BrowserStateComponent<T> {
  return new BrowserStateComponent<T>(props);
}
export type BrowserState<T = unknown> = BrowserStateComponent<T>;
