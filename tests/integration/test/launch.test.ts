/** launch(): the default address, environment variables, busy ports, printing the URL, close(). */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { createServer, type AddressInfo, type Server } from "node:net";
import { hello } from "@vitrine/demo-gallery";
import type { App } from "vitrine";
import { serveMounted } from "./harness.js";

async function occupy(port = 0): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe("launch", () => {
  let app: App | null = null;
  const env = { ...process.env };
  afterEach(async () => {
    await app?.close();
    app = null;
    process.env = { ...env };
    jest.restoreAllMocks();
  });

  it("defaults to 127.0.0.1:7860 (or the next free port) and prints the URL", async () => {
    delete process.env.VITRINE_SERVER_PORT;
    delete process.env.VITRINE_SERVER_NAME;
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    app = hello();
    const running = await app.launch();
    expect(running.port).toBeGreaterThanOrEqual(7860);
    expect(running.port).toBeLessThan(7960);
    expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
    expect(log.mock.calls.flat().join(" ")).toContain(running.url);
    expect((await fetch(`${running.url}config`)).status).toBe(200);
  });

  it("takes the next free port when the port is busy", async () => {
    const busy = await occupy();
    try {
      app = hello();
      const running = await app.launch({ server_port: busy.port, quiet: true });
      expect(running.port).toBeGreaterThan(busy.port);
      expect((await fetch(`${running.url}config`)).status).toBe(200);
    } finally {
      busy.server.close();
    }
  });

  it("honours VITRINE_SERVER_NAME and VITRINE_SERVER_PORT", async () => {
    const free = await occupy();
    free.server.close();
    process.env.VITRINE_SERVER_PORT = String(free.port);
    process.env.VITRINE_SERVER_NAME = "localhost"; // not the default 127.0.0.1
    app = hello();
    const running = await app.launch({ quiet: true });
    expect(running.url).toBe(`http://localhost:${free.port}/`);
    const bound = running.server.address() as AddressInfo;
    expect(bound.port).toBe(free.port);
    expect(["127.0.0.1", "::1"]).toContain(bound.address);
  });

  it("close() stops the server", async () => {
    app = hello();
    const running = await app.launch({ server_port: 0, quiet: true });
    await app.close();
    app = null;
    await expect(fetch(`${running.url}config`)).rejects.toThrow();
  });

  it("serves the page with relative asset URLs, redirecting a mount path to its trailing slash", async () => {
    app = hello();
    const running = await app.launch({ server_port: 0, quiet: true });
    const page = await (await fetch(running.url)).text();
    expect(page).toContain("window.__VITRINE_CONFIG__");
    expect(page).not.toMatch(/(src|href)="\/assets/);

    const mounted = await serveMounted(hello(), "/apps/demo");
    try {
      const origin = new URL(mounted.url).origin;
      const redirect = await fetch(`${origin}/apps/demo?__theme=dark`, { redirect: "manual" });
      expect(redirect.status).toBe(308);
      expect(redirect.headers.get("location")).toBe("/apps/demo/?__theme=dark");
      const mountedPage = await (await fetch(mounted.url)).text();
      expect(mountedPage).toContain("window.__VITRINE_CONFIG__");
      expect(mountedPage).not.toMatch(/(src|href)="\/assets/);
    } finally {
      await mounted.close();
    }
  });
});
