/**
 * Child process of the sessions benchmark (sessions.ts): a Vitrine app whose one event keeps a
 * 16 kB State value per session, launched on 127.0.0.1 with `session_close_grace: 0` so a
 * session ends as soon as its heartbeat closes. `GET /__memory` collects garbage (the process
 * runs with --expose-gc) and answers with `process.memoryUsage()` and the live session counts.
 * Prints its port on stdout.
 */
import * as vt from "vitrine";

const app = vt.Blocks(() => {
  const kept = vt.State({ value: "" });
  const size = vt.Number({ label: "size" });
  vt.Button("keep").click({
    fn: (_old: string) => {
      const value = "x".repeat(16 * 1024) + Math.random();
      return [value, value.length];
    },
    inputs: [kept],
    outputs: [kept, size],
    api_name: "keep",
    concurrency_limit: null,
  });
});
const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true, session_close_grace: 0 });
running.express.get("/__memory", (_req, res) => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  res.json({ ...process.memoryUsage(), sessions: running.service.lifecycle.size, states: running.service.states.size });
});
process.stdout.write(`${running.port}\n`);
process.on("SIGTERM", () => void app.close().then(() => process.exit(0)));
