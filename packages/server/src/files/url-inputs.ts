/**
 * URL inputs fetched up front: before a direct call (`/run`, `/api`) runs anything, each file
 * input given as an http(s) URL (at the top level, or one level down in a list) is downloaded
 * through the SSRF-safe fetcher into the cache, and the input then names the cached copy. A URL
 * the fetcher refuses (not a public address, a redirect to one, `file:`, credentials, an error
 * status, too large) fails the call there, with the fetcher's message, as a client error,
 * rather than failing the function's preprocessing as a server error.
 */
import { basename } from "node:path";
import { isFileData, type FileData } from "@vitrine/core";
import type { CallRequest } from "../join.js";

/**
 * Downloads one URL into the cache; its cached path. `refused` tells the errors that refuse the
 * URL (their message goes to the client) from the server's own failures (thrown on).
 */
export interface UrlFetcher {
  fetch(url: string, name: string | null): Promise<string>;
  refused(err: unknown): err is Error;
}

const HTTP_URL = /^https?:\/\//i;

/**
 * Fetches the URL file inputs of `call` (unless its dependency skips preprocessing, whose
 * function gets the values as sent) and rewrites them in place to the cached copies. Resolves
 * with null, or with the message of the first URL refused; rejects on any other failure.
 */
export async function fetchUrlInputs(call: Pick<CallRequest, "dependency" | "data">, fetcher: UrlFetcher): Promise<string | null> {
  if (call.dependency.options.preprocess === false) return null;
  for (const [i, value] of call.data.entries()) {
    if (typeof value !== "object" || value === null) continue;
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const [j, item] of items.entries()) {
      if (!isFileData(item) || !HTTP_URL.test(item.path)) continue;
      let path: string;
      try {
        path = await fetcher.fetch(item.path, item.orig_name ? basename(item.orig_name) : null);
      } catch (err) {
        if (fetcher.refused(err)) return err.message;
        throw err;
      }
      const local: FileData = { ...item, path, orig_name: item.orig_name ?? basename(path) };
      if (Array.isArray(value)) items[j] = local;
      else call.data[i] = local;
    }
  }
  return null;
}
