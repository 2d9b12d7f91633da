/**
 * Whether a link or icon URL is safe to put in the page: http(s), mailto, or a relative
 * path. `javascript:`, `data:` and other schemes are not. Shared by the server side
 * (which rejects unsafe props) and the view (which ignores them).
 */
export function isSafeUrl(url: string, { allowMailto = true }: { allowMailto?: boolean } = {}): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) return true; // a relative path, or "//host/…" (the page's own scheme)
  return scheme === "http" || scheme === "https" || (allowMailto && scheme === "mailto");
}
