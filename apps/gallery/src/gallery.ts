import { createServer } from "node:http";
import express from "express";
import { attachLiveChannel, closeServer, listenOnFreePort, mount, type App } from "vitrine";
import type { GalleryContext } from "./demos/load.js";

/** A running gallery. */
export interface Gallery {
  /** Base URL with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A demo of the gallery: how to make its app, and a line saying what it shows. */
export interface GalleryEntry {
  create: () => App;
  description: string;
  /** Makes the app when the gallery serves it, for demos that call the gallery itself (`load`). */
  createInGallery?: (gallery: GalleryContext) => App;
}

/** Serves each demo at `/<name>/` and an index linking to them at `/`. */
export async function startGallery(
  entries: Record<string, GalleryEntry>,
  options: { host?: string; port?: number; quiet?: boolean } = {},
): Promise<Gallery> {
  const host = options.host ?? process.env.VITRINE_SERVER_NAME ?? "127.0.0.1";
  const port = options.port ?? Number(process.env.VITRINE_SERVER_PORT ?? 7860);
  const server = express();
  // Demos that call the gallery itself (the `load` demo) read its URL once it listens.
  let boundUrl: string | null = null;
  const context: GalleryContext = {
    get url() {
      if (boundUrl === null) throw new Error("The gallery is not listening yet");
      return boundUrl;
    },
  };
  const services = Object.entries(entries).map(([name, demo]) => mount(server, `/${name}`, demo.createInGallery ? demo.createInGallery(context) : demo.create()));
  server.get("/", (_req, res) => {
    const items = Object.entries(entries)
      .map(([name, d]) => `<li><a href="./${name}/">${escape(name)}</a> — ${escape(d.description)}</li>`)
      .join("\n");
    res.type("html").send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vitrine gallery</title>
<style>body{font-family:system-ui,sans-serif;max-width:720px;margin:3rem auto;padding:0 1rem;color:#1f2937}
a{color:#ea580c;font-weight:600}li{margin:.5rem 0}</style></head>
<body><h1>Vitrine gallery</h1><ul>${items}</ul></body></html>`);
  });
  const http = createServer(server);
  // Each page's live channel is a WebSocket under its demo's path: upgrades bypass express.
  for (const service of services) attachLiveChannel(http, service);
  const bound = await listenOnFreePort(http, host, port, port === 0 ? 1 : 100);
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}/`;
  boundUrl = `http://${host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host}:${bound}/`;
  if (!options.quiet) console.log(`* Vitrine gallery running on ${url}`);
  return { url, close: () => closeServer(http, services) };
}
