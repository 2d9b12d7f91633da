import type { Server } from "node:http";
import type { Server as HttpsServer } from "node:https";
import type { Router } from "express";
import type { BlocksApp } from "@vitrine/core";
import { attachUpgrades } from "./live.js";
import { AppService, type ServeOptions } from "./service.js";

/** Where {@link mount} put each service. */
const mountPaths = new WeakMap<AppService, string>();

/**
 * Mounts an app under a path of an existing express app, like Gradio's
 * `mount_gradio_app`. Every URL the page and the config use stays under that path. The
 * app's start tasks (`app.onStart`) run in the background; a failure is logged.
 * Pass the HTTP server to {@link attachLiveChannel} too, so that pages get their live channel.
 *
 * @example
 * const host = express();
 * const service = mount(host, "/demo", demo);
 * const server = host.listen(8000); // the app is at http://127.0.0.1:8000/demo/
 * attachLiveChannel(server, service);
 */
export function mount(target: { use(path: string, router: Router): unknown }, path: string, app: BlocksApp, options: ServeOptions = {}): AppService {
  const service = new AppService(app, options);
  // Initial values that are files given as paths go into the cache in the background (the config waits for them).
  service.ready().catch((err: unknown) => console.error(`* ${err instanceof Error ? err.message : String(err)}`));
  // The app serves at once; its start tasks run in the background (what needs one awaits it).
  app.startup().catch((err: unknown) => console.error(`* ${err instanceof Error ? err.message : String(err)}`));
  const clean = `/${path.replace(/^\/+|\/+$/g, "")}`;
  target.use(clean === "/" ? "/" : clean, service.router);
  mountPaths.set(service, clean);
  return service;
}

/**
 * Serves a mounted app's live channels (WebSockets at `{path}/gradio_api/live/{session_hash}`)
 * on `server`, the HTTP(S) server of the host app. WebSocket upgrades never reach express, so
 * a host app calls this once per mounted app. Without it the app still works: its pages fall
 * back to the heartbeat stream, which holds one of the browser's six HTTP/1.1 connections per
 * host for as long as the page is open.
 *
 * Upgrade requests no attached app takes are answered 404, unless the server has `upgrade`
 * listeners of its own (then they are left to those).
 *
 * @param path Where the app is mounted; by default the path given to {@link mount}.
 * @returns A function that detaches the app's live channels from the server.
 * @example
 * const server = host.listen(8000);
 * attachLiveChannel(server, mount(host, "/demo", demo));
 */
export function attachLiveChannel(server: Server | HttpsServer, service: AppService, path?: string): () => void {
  const where = path ?? mountPaths.get(service);
  if (where === undefined) {
    throw new Error("attachLiveChannel: this app was not mounted with mount(); pass the path it is served under.");
  }
  return attachUpgrades(server, where, service);
}
