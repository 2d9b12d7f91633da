import { createServer } from "node:http";
import express from "express";
import { attachLiveChannel, closeServer, listenOnFreePort, mount, type App } from "vitrine";

/** A running gallery. */
export interface Gallery {
  /** Base URL with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves each demo at `/<name>/` and an index linking to them at `/`. */
export async function startGallery(
  entries: Record<string, { create: () => App; description: string }>,
  options: { host?: string; port?: number; quiet?: boolean } = {},
): Promise<Gallery> {
  const host = options.host ?? process.env.VITRINE_SERVER_NAME ?? "127.0.0.1";
  const port = options.port ?? Number(process.env.VITRINE_SERVER_PORT ?? 7860);
  const server = express();
  const services = Object.entries(entries).map(([name, demo]) => mount(server, `/${name}`, demo.create()));
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
  if (!options.quiet) console.log(`* Vitrine gallery running on ${url}`);
  return { url, close: () => closeServer(http, services) };
}
