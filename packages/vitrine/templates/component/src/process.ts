import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { __CAMEL__Events, type __CLASS__Event, type __CLASS__EventData } from "./events.js";

/** Props of a __CLASS__. */
export interface __CLASS__Props extends ComponentProps<string> {
  /** Hint shown when empty. */
  placeholder?: string | null;
}

/** The server side of __CLASS__: a `string` in and out. Change `preprocess`/`postprocess` to shape your values. */
export class __CLASS__Component extends Component<string, string | null, string> {
  static override readonly events = __CAMEL__Events;
  readonly type = "__TYPE__";
  /** The view's bundle (`vitrine build-component` writes it); the page loads it as `components/__TYPE__.js`. */
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: __CLASS__Props;

  constructor(props: __CLASS__Props = {}) {
    super(props);
  }

  /** What the page sent → what the function gets. */
  override preprocess(payload: string | null | undefined): string {
    if (payload === null || payload === undefined) return "";
    if (typeof payload !== "string") throw new TypeError(`__CLASS__ expects a string, got ${typeof payload}`);
    return payload;
  }

  /** What the function returned → what the page gets. */
  override postprocess(value: string | null): string {
    return value ?? "";
  }

  override emptyPayload(): string {
    return "";
  }

  /** Its type on the API page and for clients. */
  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }

  override exampleInput(): string {
    return "Hello";
  }

  /** Props of its own that the view gets (with their defaults). */
  protected override ownProps(): Record<string, unknown> {
    return { placeholder: this.props.placeholder ?? null };
  }
}
export interface __CLASS__Component extends Listeners<__CLASS__Event, __CLASS__EventData> {}

/**
 * A __CLASS__. As an input the function receives a `string`; as an output it returns one.
 * @example __CLASS__({ label: "Message", placeholder: "Type here" })
 */
export function __CLASS__(props: __CLASS__Props = {}): __CLASS__Component {
  return new __CLASS__Component(props);
}
export type __CLASS__ = __CLASS__Component;
