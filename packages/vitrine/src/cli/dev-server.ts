/**
 * The CLI's long-lived HTTP server: it keeps one port for the whole session and serves
 * whichever version of the app is current, swapping in each new version as the app file is
 * re-run. Pages learn about a new version on a small Server-Sent Events channel,
 * {@link RELOAD_PATH}, and reload themselves.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { closeServer, listenOnFreePort, type PreparedApp } from "@vitrine/server";

/** Where pages listen for new versions of the app (relative to the app's root). */
export const RELOAD_PATH = "__vitrine/reload";

/** The tag the CLI adds to the page's head: the page's reload listener looks for it. */
export function reloadMeta(run: number): string {
  return `<meta name="vitrine-reload" content="${RELOAD_PATH}" data-run="${run}">`;
}

/** Options of {@link ReloadServer.start}. */
export interface ReloadServerOptions {
  host?: string;
  port?: number;
}

/** One port, any number of successive versions of an app. */
export class ReloadServer {
  private current: { run: number; app: PreparedApp } | null = null;
  /** Why there is no app to serve yet (the first run's error), shown to requests. */
  private problem = "The app is starting…";
  private readonly listeners = new Set<ServerResponse>();
  private keepAlive: NodeJS.Timeout | undefined;
  private constructor(
    readonly server: Server,
    /** The URL pages open, with a trailing slash. */
    readonly url: string,
    /** The port bound. */
    readonly port: number,
  ) {}

  /** Binds the port (the next free one when it is taken) and starts answering. */
  static async start(options: ReloadServerOptions = {}): Promise<ReloadServer> {
    const host = options.host ?? process.env.VITRINE_SERVER_NAME ?? "127.0.0.1";
    const envPort = process.env.VITRINE_SERVER_PORT ? Number(process.env.VITRINE_SERVER_PORT) : undefined;
    const port = options.port ?? envPort ?? 7860;
    let self: ReloadServer | undefined;
    const server = createServer((req, res) => self!.handle(req, res));
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => self!.upgrade(req, socket, head));
    const bound = await listenOnFreePort(server, host, port, port === 0 ? 1 : 100);
    const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
    self = new ReloadServer(server, `http://${shownHost}:${bound}/`, bound);
    // A comment now and then keeps idle proxies from closing the reload channel.
    self.keepAlive = setInterval(() => self!.broadcast(": keep-alive\n\n"), 20_000);
    self.keepAlive.unref();
    return self;
  }

  /** The number of the run being served, or 0 before the first good run. */
  get run(): number {
    return this.current?.run ?? 0;
  }

  /**
   * Serves `app` (made by run `run`) from now on: new requests go to it, open pages are told
   * to reload, and the previous version's service is closed.
   */
  swap(run: number, app: PreparedApp): void {
    const previous = this.current;
    this.current = { run, app };
    this.broadcast(`data: ${run}\n\n`);
    if (previous && previous.app !== app) previous.app.service.close();
  }

  /** Sets the message requests get while no version of the app could be built. */
  fail(message: string): void {
    this.problem = message;
  }

  /** Stops everything: the reload channels, the current app and the port. */
  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    for (const res of this.listeners) res.end();
    this.listeners.clear();
    await closeServer(this.server, this.current ? [this.current.app.service] : []);
    this.current = null;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0];
    if (path === `/${RELOAD_PATH}`) return this.listen(res);
    if (!this.current) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
      res.end(this.problem);
      return;
    }
    this.current.app.handle(req, res);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.current?.app.service.handleUpgrade(req, socket, head)) return;
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  }

  /** A page's reload channel: the current run now, then each new one. */
  private listen(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    if (this.run > 0) res.write(`data: ${this.run}\n\n`);
    this.listeners.add(res);
    res.on("close", () => this.listeners.delete(res));
  }

  private broadcast(chunk: string): void {
    for (const res of this.listeners) res.write(chunk);
  }
}
