import * as vt from "vitrine";

/**
 * The request: an event function reads `ctx.request` (headers, the page's query, the client's
 * address, the session) and `ctx.session`. Open the demo with `?lang=fr` to see the query.
 */
export function request() {
  return vt.Blocks({ title: "Request" }, () => {
    vt.Markdown("# Request\nWhat an event function knows about its call: `ctx.request` and `ctx.session`. Add `?lang=fr` to the page's URL to see the query.");
    const name = vt.Textbox({ label: "name", value: "Ada" });
    const seen = vt.JSON({ label: "what the function saw" });
    vt.Button("Show the request", { variant: "primary" }).click({
      fn: (who: string, ctx) => ({
        greeting: `Hello, ${who}!`,
        query: ctx.request.query,
        user_agent: ctx.request.headers["user-agent"] ?? null,
        client_host: ctx.request.client.host,
        same_session: ctx.request.session_hash === ctx.session.hash,
      }),
      inputs: [name],
      outputs: [seen],
      api_name: "request",
    });
  });
}
