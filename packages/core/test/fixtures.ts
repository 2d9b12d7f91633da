import { Component, type ApiDescription, type Listeners } from "../src/index.js";

const events = ["change", "submit"] as const;

/** A minimal component for core's own tests. */
export class FieldComponent extends Component<string, string, string> {
  static override readonly events = events;
  readonly type = "field";
  readonly ui = { file: "/dev/null" };
  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }
}
export interface FieldComponent extends Listeners<(typeof events)[number]> {}
export const Field = (props: ConstructorParameters<typeof FieldComponent>[0] = {}) => new FieldComponent(props);
