import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { Request } from "express";
import proxyaddr from "proxy-addr";
import { API_PREFIX } from "@vitrine/core";

/**
 * Whether a request came straight from a trusted proxy, whose `X-Forwarded-Host` and
 * `X-Forwarded-Proto` headers are then believed.
 */
export type ProxyTrust = (req: IncomingMessage) => boolean;

/**
 * The proxy trust of a list of addresses as express's `trust proxy` takes it (IPs, CIDR
 * subnets, or `"loopback"`, `"linklocal"`, `"uniquelocal"`), checked against the address the
 * request came from. Without a list, a host express app's own `trust proxy` setting holds
 * (for apps served with `mount()`); an app served by `launch()` then trusts no proxy.
 */
export function proxyTrust(trusted: readonly string[] | undefined): ProxyTrust {
  if (trusted !== undefined) {
    const trust = proxyaddr.compile([...trusted]);
    return (req) => {
      const addr = req.socket?.remoteAddress;
      return addr !== undefined && trust(addr, 0);
    };
  }
  return (req) => {
    const fn = (req as { app?: { get?(name: string): unknown } }).app?.get?.("trust proxy fn");
    const addr = req.socket?.remoteAddress;
    return typeof fn === "function" && addr !== undefined && Boolean(fn(addr, 0));
  };
}

/** A host (with an optional port) as it may appear in a URL; anything else is ignored. */
const HOST = /^(?:[a-z0-9_.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The host the client asked for: `X-Forwarded-Host` when the request came through a trusted
 * proxy (`trusted`) that set it, else the `Host` header; undefined when neither is a valid host.
 */
export function publicHost(req: IncomingMessage, trusted: boolean): string | undefined {
  const forwarded = trusted ? firstValue(req.headers["x-forwarded-host"]) : undefined;
  const host = forwarded ?? firstValue(req.headers.host);
  return host !== undefined && HOST.test(host) ? host : undefined;
}

/**
 * The public URL of the app for this request, with no trailing slash: the scheme and host
 * the client used (from `X-Forwarded-Proto`/`X-Forwarded-Host` only when the request came
 * through a trusted proxy, see {@link proxyTrust}), plus the path the app is mounted under.
 * Gradio's JS client builds every URL from it, and the page loads its scripts from it. A plain
 * node:http request (the hot routes of {@link launch}) has no `baseUrl`: the app is at the root.
 * A request answered under the API prefix (`/gradio_api/...`) has the prefix in its `baseUrl`,
 * which is not part of the app's root.
 */
export function rootUrl(req: Request, trusted: boolean): string {
  const forwardedProto = trusted ? firstValue(req.headers["x-forwarded-proto"])?.toLowerCase() : undefined;
  const proto =
    forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : (req.socket as TLSSocket).encrypted ? "https" : "http";
  const host = publicHost(req, trusted) ?? "127.0.0.1";
  const base = (req.baseUrl ?? "").replace(/\/+$/, "");
  const mount = base.endsWith(API_PREFIX) ? base.slice(0, -API_PREFIX.length) : base;
  return `${proto}://${host}${mount}`;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const first = text?.split(",")[0]!.trim();
  return first ? first : undefined;
}
