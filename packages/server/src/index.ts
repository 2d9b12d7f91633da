export { launch, listenOnFreePort, closeServer, type LaunchOptions, type RunningServer } from "./launch.js";
export { mount } from "./mount.js";
export { AppService, type ServeOptions } from "./service.js";
export { diff, type DiffEdit } from "./diff.js";
