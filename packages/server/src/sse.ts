import type { Response } from "express";

/** Starts a `text/event-stream` response. */
export function openEventStream(res: Response): void {
  res.status(200);
  res.setHeader("Content-Type", "text/event-stream");
  res.setHeader("Cache-Control", "no-cache");
  res.setHeader("Connection", "keep-alive");
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
}

/**
 * Writes one message. The framing is strict (Gradio's Python client demands it):
 * `data: <single-line JSON>\n\n`, nothing else.
 */
export function writeEvent(res: Response, message: unknown): void {
  res.write(`data: ${JSON.stringify(message)}\n\n`);
}
