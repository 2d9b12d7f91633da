import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Express } from "express";
import type { BlocksApp } from "@vitrine/core";
import { attachUpgrades } from "./live.js";
import { AppService, type ServeOptions } from "./service.js";
import { installCrashGuards } from "./crash-guard.js";
import { MCP_PATH, mcpEnabled } from "./mcp.js";
import { applyRequestTimeouts } from "./server-timeouts.js";

/** Options of {@link launch}. */
export interface LaunchOptions extends ServeOptions {
  /** Interface to listen on. Default `VITRINE_SERVER_NAME` or 127.0.0.1. */
  server_name?: string;
  /** Port to listen on; the next free one is taken when busy. Default `VITRINE_SERVER_PORT` or 7860. `0` picks any free port. */
  server_port?: number;
  /** How many ports to try from `server_port` on. Default 100. */
  max_port_tries?: number;
  /** Don't print the URL. */
  quiet?: boolean;
}

/** A running server, returned by {@link launch}. */
export interface RunningServer {
  /** The app's URL, with a trailing slash (`http://127.0.0.1:7860/`). */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The express app, to add routes. */
  express: Express;
  /** The Node HTTP server. */
  server: Server;
  /** The app's service (queue, sessions). */
  service: AppService;
  /** Stops the server: ends open streams and aborts running events. */
  close(): Promise<void>;
}

/**
 * Serves an app: the page, the API Gradio's clients speak, and the queue. The app's start
 * tasks (`app.onStart`, e.g. caching examples) run first; if one fails, so does `launch`.
 *
 * @example
 * const server = await launch(demo); // Running on local URL: http://127.0.0.1:7860/
 * await server.close();
 */
/**
 * An app ready to answer requests on any HTTP server: what {@link launch} serves, without a port.
 * Upgrade requests (pages' live channels) go to `service.handleUpgrade`.
 */
export interface PreparedApp {
  /** The app's service (queue, sessions). */
  service: AppService;
  /** The express app, to add routes. */
  express: Express;
  /** Answers one HTTP request. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * Runs the app's start tasks and readies its service and request handler, as {@link launch}
 * does before it binds a port. A start task that throws rejects.
 */
export async function prepareApp(app: BlocksApp, options: ServeOptions = {}): Promise<PreparedApp> {
  // Start tasks (cached examples, …) finish before the app serves; one that throws fails launch.
  await app.startup();
  const service = new AppService(app, options);
  // Initial values that are files given as paths go into the cache now: one that cannot fails launch.
  await service.ready().catch((err: unknown) => {
    service.close();
    throw err;
  });
  // An event function's unawaited rejection or throw from a timer must not stop the app for
  // everyone: it is logged instead (see installCrashGuards).
  installCrashGuards();
  const expressApp = express();
  expressApp.disable("x-powered-by");
  expressApp.use(service.router);
  // The queue's two hot routes skip express entirely; everything else goes through it.
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!service.serveHot(req, res)) expressApp(req, res);
  };
  return { service, express: expressApp, handle };
}

/**
 * Where a host (the `vitrine` CLI in reload mode) takes over {@link launch}: when
 * `globalThis[LAUNCH_HANDOFF]` is a {@link LaunchHandoff}, `launch()` binds no port and returns
 * what the handoff returns. A global symbol, so that every copy of this module sees it.
 */
export const LAUNCH_HANDOFF: unique symbol = Symbol.for("vitrine.launch-handoff") as never;

/** A takeover of {@link launch}: gets the app, its options and {@link prepareApp} (of the app's own copy of the server). */
export type LaunchHandoff = (request: { app: BlocksApp; options: LaunchOptions; prepare: typeof prepareApp }) => Promise<RunningServer>;

/**
 * Serves an app: the page, the API Gradio's clients speak, and the queue. The app's start
 * tasks (`app.onStart`, e.g. caching examples) run first; if one fails, so does `launch`.
 *
 * @example
 * const server = await launch(demo); // Running on local URL: http://127.0.0.1:7860/
 * await server.close();
 */
export async function launch(app: BlocksApp, options: LaunchOptions = {}): Promise<RunningServer> {
  const handoff = (globalThis as { [LAUNCH_HANDOFF]?: LaunchHandoff })[LAUNCH_HANDOFF];
  if (handoff) return handoff({ app, options, prepare: prepareApp });
  const host = options.server_name ?? process.env.VITRINE_SERVER_NAME ?? "127.0.0.1";
  const envPort = process.env.VITRINE_SERVER_PORT ? Number(process.env.VITRINE_SERVER_PORT) : undefined;
  const port = options.server_port ?? envPort ?? 7860;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid server port: ${port}`);
  const { service, express: expressApp, handle } = await prepareApp(app, options);
  const server = createServer(handle);
  applyRequestTimeouts(server, options);
  // Pages' live channels (WebSockets) arrive as upgrade requests, which express never sees.
  attachUpgrades(server, "/", service);
  const bound = await listenOnFreePort(server, host, port, port === 0 ? 1 : (options.max_port_tries ?? 100));
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${shownHost}:${bound}/`;
  if (!options.quiet) console.log(`* Running on local URL:  ${url}`);
  if (!options.quiet && mcpEnabled(options.mcp_server)) console.log(`* MCP server (streamable HTTP): ${url}${MCP_PATH.slice(1)}`);
  return {
    url,
    port: bound,
    express: expressApp,
    server,
    service,
    close: () => closeServer(server, [service]),
  };
}

/** Listens on `port`, or the next free port when it is taken; resolves with the port bound. */
export async function listenOnFreePort(server: Server, host: string, port: number, tries: number): Promise<number> {
  for (let i = 0; i < tries; i++) {
    const candidate = port === 0 ? 0 : port + i;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error) => {
          server.off("listening", onListening);
          reject(err);
        };
        const onListening = () => {
          server.off("error", onError);
          resolve();
        };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen(candidate, host);
      });
      return (server.address() as AddressInfo).port;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE" || i === tries - 1) throw err;
    }
  }
  throw new Error(`No free port from ${port} to ${port + tries - 1}`);
}

/** Closes services (streams, live channels, events), then the HTTP server and its idle connections. */
export async function closeServer(server: Server, services: { close(): void }[]): Promise<void> {
  for (const s of services) s.close();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
