export { launch, listenOnFreePort, closeServer, prepareApp, LAUNCH_HANDOFF, type LaunchHandoff, type PreparedApp, type LaunchOptions, type RunningServer } from "./launch.js";
export { mount, attachLiveChannel } from "./mount.js";
export { AppService, type ServeOptions } from "./service.js";
export { installCrashGuards } from "./crash-guard.js";
export type { SafetyOptions } from "./guard.js";
export { diff, type DiffEdit } from "./diff.js";
export type { AuthOptions } from "./auth/auth.js";
export type { AuthSpec, AuthFunction } from "./auth/credentials.js";
