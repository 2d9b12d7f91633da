/** A view's calls to its component's server functions (`ViewProps.callServer`). */

/** Calls server function `fn` of component `id` with `data`; resolves with its answer. */
export type CallServer = (id: number, fn: string, data?: unknown) => Promise<unknown>;

/**
 * Calls through `POST {root}{api_prefix}/component_server/` with Gradio's body
 * (`{ session_hash, component_id, fn_name, data }`); rejects with the server's `detail`.
 * `sessionHash` gives the page's session once its client has connected (else a hash of the page's own).
 */
export function componentServer(root: string, apiPrefix: string | null | undefined, sessionHash: () => string | null): CallServer {
  const prefix = apiPrefix == null ? "/gradio_api" : apiPrefix.replace(/\/+$/, "");
  const url = `${root.replace(/\/+$/, "")}${prefix}/component_server/`;
  const ownHash = Math.random().toString(36).slice(2, 13);
  return async (id, fn, data) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session_hash: sessionHash() ?? ownHash, component_id: id, fn_name: fn, data: data ?? null }),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    if (!response.ok) {
      const detail = typeof body === "object" && body !== null && "detail" in body ? (body as { detail: unknown }).detail : body;
      throw new Error(typeof detail === "string" && detail ? detail : `${fn} failed (HTTP ${response.status})`);
    }
    return body;
  };
}
