/**
 * A redis-server of the bench's own (Debian's `redis-server`, `apt-get install redis-server`),
 * on a free port of 127.0.0.1, without persistence, so that each measurement starts on an
 * empty Redis and its CPU can be read from /proc like the servers'.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";

/** A running redis-server. */
export interface RedisProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts `redis-server` (`command`, default from PATH) and resolves once it accepts connections. */
export async function startRedis(command = process.env.VITRINE_BENCH_REDIS_SERVER ?? "redis-server"): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(command, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = once(child, "exit");
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`redis-server did not start in 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", (err) => {
      clearTimeout(timer);
      fail(new Error(`${command} could not start (sh tools/ensure-redis.sh installs Debian's): ${err.message}`));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
    });
  });
  child.stdout.resume();
  child.stderr.resume();
  // If the bench exits early (an error, process.exit), its redis-server stops with it.
  const orphaned = () => child.kill("SIGKILL");
  process.once("exit", orphaned);
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      process.off("exit", orphaned);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
