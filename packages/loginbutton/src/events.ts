/** The events a LoginButton or LogoutButton fires (as Gradio's, the Button's one event). */
export const loginButtonEvents = ["click"] as const;
/** One of the names in `loginButtonEvents`, for typing listeners and event data. */
export type LoginButtonEvent = (typeof loginButtonEvents)[number];
