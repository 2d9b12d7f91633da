/** The events a LoginButton or LogoutButton fires (as Gradio's, the Button's one event). */
export const loginButtonEvents = ["click"] as const;
export type LoginButtonEvent = (typeof loginButtonEvents)[number];
