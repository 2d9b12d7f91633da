import type { Request } from "express";

/**
 * The public URL of the app for this request, with no trailing slash: from
 * `X-Forwarded-Proto`/`X-Forwarded-Host` when a proxy sets them, else from the request,
 * plus the path the app is mounted under. Gradio's JS client builds every URL from it.
 */
export function rootUrl(req: Request): string {
  const proto = firstHeader(req, "x-forwarded-proto") ?? req.protocol;
  const host = firstHeader(req, "x-forwarded-host") ?? req.get("host") ?? "127.0.0.1";
  return `${proto}://${host}${req.baseUrl}`.replace(/\/+$/, "");
}

function firstHeader(req: Request, name: string): string | undefined {
  const value = req.get(name);
  return value ? value.split(",")[0]!.trim() : undefined;
}
