/**
 * The SSRF-safe fetcher: downloads an http(s) URL a client gave as a file input, refusing any
 * target that is not a public address (loopback, private, link-local, shared, multicast,
 * reserved or unspecified, IPv4 or IPv6, IPv4-mapped included). Host names are looked up once
 * (`dns.lookup`, every address checked) and the connection goes to the address checked, so a
 * second lookup cannot point elsewhere (DNS rebinding). Redirects are followed by hand, each
 * target checked again.
 */
import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** Whether an address (as `net.isIP` sees it: 4 or 6) may be fetched. */
export type AddressCheck = (address: string, family: 4 | 6) => boolean;

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
  ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], ["::1", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23], ["2001:db8::", 32],
  ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** The default {@link AddressCheck}: true only for public unicast addresses. */
export const isPublicAddress: AddressCheck = (address, family) => {
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return !blocked.check(mapped[1]!, "ipv4");
    // Other IPv4-embedding forms (::a.b.c.d, ::ffff:0:a.b.c.d) are refused outright.
    if (/^::(ffff:0:)?\d+\.\d+\.\d+\.\d+$/i.test(address) || /^::ffff:/i.test(address)) return false;
    return !blocked.check(address, "ipv6");
  }
  return !blocked.check(address, "ipv4");
};

/** Options of {@link safeFetch}. */
export interface SafeFetchOptions {
  /** Which addresses may be reached (default {@link isPublicAddress}; tests allow 127.0.0.1). */
  isAllowed?: AddressCheck;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  /** Milliseconds to wait for the response headers (default 30 000). */
  timeoutMs?: number;
}

/** A URL the fetcher refused, with the reason (shown to the client). */
export class FetchRefused extends Error {}

/**
 * Requests `url` (GET) and resolves with the response once its status is 2xx, after following
 * redirects; rejects with {@link FetchRefused} for a scheme other than http(s), a host that is
 * or resolves to a non-public address, too many redirects, or an error status. The caller reads
 * the body (and caps its size).
 */
export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<{ response: IncomingMessage; url: URL }> {
  const isAllowed = options.isAllowed ?? isPublicAddress;
  const maxRedirects = options.maxRedirects ?? 5;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new FetchRefused(`Not a valid URL: ${url}`);
  }
  for (let hop = 0; ; hop++) {
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      throw new FetchRefused(`Only http(s) URLs are fetched, not ${target.protocol} (${target.href})`);
    }
    if (target.username || target.password) throw new FetchRefused(`URLs with credentials are not fetched: ${target.origin}`);
    const { address, family } = await checkedAddress(target, isAllowed);
    const response = await request(target, address, family, options.timeoutMs ?? 30_000);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= maxRedirects) throw new FetchRefused(`Too many redirects fetching ${url}`);
      target = new URL(response.headers.location, target);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new FetchRefused(`Fetching ${target.href} failed: HTTP ${status}`);
    }
    return { response, url: target };
  }
}

/** The address to connect to for a URL's host, checked; every address a name resolves to must pass. */
async function checkedAddress(url: URL, isAllowed: AddressCheck): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  const addresses =
    literal !== 0
      ? [{ address: host, family: literal as 4 | 6 }]
      : await lookup(host, { all: true, verbatim: true }).catch(() => {
          throw new FetchRefused(`Could not resolve the host of ${url.origin}`);
        });
  if (addresses.length === 0) throw new FetchRefused(`Could not resolve the host of ${url.origin}`);
  for (const a of addresses) {
    if (!isAllowed(a.address, a.family as 4 | 6)) {
      throw new FetchRefused(`URL refused: ${url.origin} is not a public address (${a.address}); only public http(s) URLs are fetched`);
    }
  }
  return addresses[0] as { address: string; family: 4 | 6 };
}

function request(url: URL, address: string, family: 4 | 6, timeoutMs: number): Promise<IncomingMessage> {
  // Connect to the address that was checked, whatever a new lookup would say.
  const pinned: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { lookup: pinned, headers: { "user-agent": "vitrine", accept: "*/*" }, timeout: timeoutMs }, resolve);
    req.on("timeout", () => req.destroy(new FetchRefused(`Timed out fetching ${url.href}`)));
    req.on("error", (err) => reject(err instanceof FetchRefused ? err : new FetchRefused(`Fetching ${url.href} failed: ${err.message}`)));
  });
}
