/** The events a Radio fires; `select` carries `{ index, value, selected }`. */
export const radioEvents = ["select", "change", "input"] as const;
export type RadioEvent = (typeof radioEvents)[number];
