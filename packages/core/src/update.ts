/** Marker of an update object on the wire (as Gradio's `gr.update`). */
export const UPDATE_TYPE = "update";

/**
 * What an event function returns for an output to change its props, and optionally its
 * value, instead of just its value. Created with {@link update}.
 */
export type Update<TValue = unknown> = {
  readonly __type__: typeof UPDATE_TYPE;
  /** New value (postprocessed by the component like a plain return value). */
  value?: TValue | null;
  visible?: boolean | "hidden";
  interactive?: boolean;
  label?: string | null;
  info?: string | null;
  placeholder?: string | null;
  /** Any other prop of the component. */
  [prop: string]: unknown;
};

/**
 * Changes an output's props (visible, interactive, label, value, …) instead of only its value.
 * The server postprocesses only `value` (when given) with the output's component and sends
 * the other props as they are, as `{ __type__: "update", ... }`; the page applies them.
 * A generator may yield updates too.
 *
 * @example
 * fn: (show: boolean) => vt.update({ visible: show, label: show ? "Shown" : "Hidden" })
 */
export function update<const P extends Record<string, unknown>>(props: P): Update<ValueIn<P>> {
  return { ...props, __type__: UPDATE_TYPE } as unknown as Update<ValueIn<P>>;
}

/** The value type an update carries (`never` when it sets no value, which fits every output). */
type ValueIn<P> = P extends { value?: infer V } ? Exclude<V, undefined | null> : never;

/** True for an object made by {@link update}. */
export function isUpdate(value: unknown): value is Update {
  return typeof value === "object" && value !== null && (value as { __type__?: unknown }).__type__ === UPDATE_TYPE;
}
