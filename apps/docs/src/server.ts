import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { demos as galleryDemos, type GalleryContext, type GalleryEntry } from "@vitrine/demo-gallery";
import { attachLiveChannel, closeServer, listenOnFreePort, mount } from "vitrine";

/** Options of {@link startDocsServer}. */
export interface DocsServerOptions {
  /** The built site. Default apps/docs/dist. */
  distDir?: string;
  /** Default `VITRINE_SERVER_NAME` or 127.0.0.1. */
  host?: string;
  /** Default `DOCS_PORT` or 7870 (the gallery's is 7860); 0 picks a free port. */
  port?: number;
  /** The demos mounted at /demos/<name>/. Default every gallery demo. */
  demos?: Record<string, GalleryEntry>;
  /** No start-up line on stdout. */
  quiet?: boolean;
}

/** A running docs server. */
export interface DocsServer {
  /** Its base URL, with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built docs site and, in the same process, every gallery demo at `/demos/<name>/`,
 * so the pages' live demos (iframes of those paths) run against it.
 */
export async function startDocsServer(options: DocsServerOptions = {}): Promise<DocsServer> {
  const distDir = options.distDir ?? join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
  if (!existsSync(join(distDir, "index.html"))) throw new Error(`No built docs site in ${distDir}: run "pnpm --filter @vitrine/docs build" first`);
  const host = options.host ?? process.env.VITRINE_SERVER_NAME ?? "127.0.0.1";
  const port = options.port ?? Number(process.env.DOCS_PORT ?? 7870);
  const entries = options.demos ?? galleryDemos;
  const app = express();
  let boundUrl: string | null = null;
  // The `load` demo calls the gallery's `hello` through its URL: here, under /demos/.
  const context: GalleryContext = {
    get url() {
      if (boundUrl === null) throw new Error("The docs server is not listening yet");
      return `${boundUrl}demos/`;
    },
  };
  const services = Object.entries(entries).map(([name, demo]) => mount(app, `/demos/${name}`, demo.createInGallery ? demo.createInGallery(context) : demo.create()));
  app.use(express.static(distDir, { extensions: ["html"], fallthrough: true }));
  const http = createServer(app);
  for (const service of services) attachLiveChannel(http, service);
  const bound = await listenOnFreePort(http, host, port, port === 0 ? 1 : 20);
  const shown = host === "0.0.0.0" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  boundUrl = `http://${shown}:${bound}/`;
  if (!options.quiet) console.log(`* Vitrine docs running on ${boundUrl} (demos under ${boundUrl}demos/)`);
  return { url: boundUrl, close: () => closeServer(http, services) };
}
