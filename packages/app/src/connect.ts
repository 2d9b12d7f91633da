import { Client } from "@vitrine/client";
import type { EventClient } from "./messages.js";

/**
 * Connects `@vitrine/client` to the app at `root` (absolute URL, no trailing slash), keeping
 * the session's live channel open (a WebSocket, so that any number of tabs can be open) so the
 * server knows when the page goes away.
 */
export async function connect(root: string): Promise<EventClient> {
  // The page's query parameters go with every event (`ctx.request.query`), as Gradio's page sends them.
  return await Client.connect(root, { heartbeat: true, query: window.location.search });
}
