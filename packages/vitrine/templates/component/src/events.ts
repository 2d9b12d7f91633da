/** The events a __CLASS__ fires, declared once: the server's listener methods and the view's `dispatch` follow this list. */
export const __CAMEL__Events = ["change", "input", "submit"] as const;
export type __CLASS__Event = (typeof __CAMEL__Events)[number];

/** The data its events carry (none of these carries any). */
export type __CLASS__EventData = Record<never, never>;
