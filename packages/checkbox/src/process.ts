import { fileURLToPath } from "node:url";
import { Component, type ApiDescription, type ComponentProps, type Listeners } from "@vitrine/core";
import { checkboxEvents, type CheckboxEvent, type CheckboxEventData } from "./events.js";

/** Props of a Checkbox. */
export interface CheckboxProps extends ComponentProps<boolean> {}

/** A single checkbox: a `boolean` in and out. */
export class CheckboxComponent extends Component<boolean, boolean | null, boolean> {
  static override readonly events = checkboxEvents;
  readonly type = "checkbox";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: CheckboxProps;

  constructor(props: CheckboxProps = {}) {
    super(props);
  }

  /** A missing value is `false`; anything but a boolean is a `TypeError`. */
  override preprocess(payload: boolean | null | undefined): boolean {
    if (payload === null || payload === undefined) return false;
    if (typeof payload !== "boolean") {
      const label = this.props.label ? `Checkbox "${this.props.label}"` : "Checkbox";
      throw new TypeError(`${label} expects true or false, got ${typeof payload === "string" ? JSON.stringify(payload) : typeof payload}`);
    }
    return payload;
  }

  /** `null` unchecks the box; other values are taken for their truthiness, as Python's `bool()` would. */
  override postprocess(value: boolean | null): boolean {
    return Boolean(value);
  }

  override emptyPayload(): boolean {
    return false;
  }

  api(): ApiDescription {
    return { type: { type: "boolean" }, python_type: { type: "bool", description: "" } };
  }

  override exampleInput(): boolean {
    return true;
  }
}
export interface CheckboxComponent extends Listeners<CheckboxEvent, CheckboxEventData> {}

/**
 * A checkbox. As an input the function receives a `boolean`; as an output it returns one.
 * @example vt.Checkbox({ label: "Loud", value: true })
 */
export function Checkbox(props: CheckboxProps = {}): CheckboxComponent {
  return new CheckboxComponent(props);
}
export type Checkbox = CheckboxComponent;
