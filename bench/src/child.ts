/**
 * What both server processes share: reading their parameters, telling the orchestrator their
 * port over IPC, and stopping by themselves (on a `stop` message, when the orchestrator goes
 * away, or when their lifetime is over).
 */
import type { StreamSpec } from "./tokens.js";

/** Messages a server process sends to the orchestrator. */
export type ServerMessage =
  | { type: "ready"; port: number }
  | { type: "memory"; rss: number; heapUsed: number; heapTotal: number; external: number };

/** Messages the orchestrator sends to a server process. */
export type ServerCommand = { type: "stop" } | { type: "memory" };

/** Server parameters, from `--tokens N --rate R --lifetime S`. */
export interface ServerArgs extends StreamSpec {
  /** Seconds after which the process exits whatever happens. */
  lifetime: number;
}

export function parseServerArgs(argv: string[]): ServerArgs {
  const get = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
    return value;
  };
  return { tokens: get("tokens", 500), rate: get("rate", 100), lifetime: get("lifetime", 600) };
}

/** Reports the port, then serves until told to stop; `close` stops the server. */
export function runAsChild(port: number, lifetime: number, close: () => Promise<void> | void): void {
  const send = (message: ServerMessage): void => {
    if (process.connected) process.send!(message);
  };
  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    // Exit even if a stream refuses to end; the exit writes a --cpu-prof profile if asked.
    setTimeout(() => process.exit(code), 2000).unref();
    Promise.resolve(close()).finally(() => process.exit(code));
  };
  process.on("message", (command: ServerCommand) => {
    if (command.type === "stop") stop(0);
    else if (command.type === "memory") {
      const m = process.memoryUsage();
      send({ type: "memory", rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external });
    }
  });
  process.on("disconnect", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  setTimeout(() => {
    console.error(`[bench] server ${process.pid} reached its lifetime (${lifetime} s), exiting`);
    stop(1);
  }, lifetime * 1000).unref();
  if (!process.connected) console.log(`listening on http://127.0.0.1:${port}/`);
  send({ type: "ready", port });
}
