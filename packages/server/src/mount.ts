import type { Router } from "express";
import type { BlocksApp } from "@vitrine/core";
import { AppService, type ServeOptions } from "./service.js";

/**
 * Mounts an app under a path of an existing express app, like Gradio's
 * `mount_gradio_app`. Every URL the page and the config use stays under that path.
 *
 * @example
 * const server = express();
 * mount(server, "/demo", demo);
 * server.listen(8000); // the app is at http://127.0.0.1:8000/demo/
 */
export function mount(target: { use(path: string, router: Router): unknown }, path: string, app: BlocksApp, options: ServeOptions = {}): AppService {
  const service = new AppService(app, options);
  const clean = `/${path.replace(/^\/+|\/+$/g, "")}`;
  target.use(clean === "/" ? "/" : clean, service.router);
  return service;
}
