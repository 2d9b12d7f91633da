/** The events a Checkbox fires; `select` carries `{ index, value, selected }`. */
export const checkboxEvents = ["change", "input", "select"] as const;
export type CheckboxEvent = (typeof checkboxEvents)[number];
