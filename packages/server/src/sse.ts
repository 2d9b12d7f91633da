import type { ServerResponse } from "node:http";

const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

/**
 * Starts a `text/event-stream` response. With `flush` (the default) the headers go out at
 * once; without, they leave with the first message (one packet instead of two).
 */
export function openEventStream(res: ServerResponse, flush = true): void {
  res.writeHead(200, EVENT_STREAM_HEADERS);
  if (flush) res.flushHeaders();
}

/**
 * Writes one message. The framing is strict (Gradio's Python client demands it):
 * `data: <single-line JSON>\n\n`, nothing else.
 */
export function writeEvent(res: ServerResponse, message: unknown): void {
  res.write(`data: ${JSON.stringify(message)}\n\n`);
}
