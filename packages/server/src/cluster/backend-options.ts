import { createHash } from "node:crypto";
import type { BlocksApp } from "@vitrine/core";
import type { SharedQueueBackend } from "@vitrine/queue";

/** Where the queue, the sessions and State live (part of `ServeOptions`). */
export interface QueueBackendOptions {
  /**
   * `"memory"` (default): this process alone. `"redis"`: a Redis server shared by every process
   * of the app, which then serve it as one with no sticky sessions (needs `@vitrine/queue-redis`).
   * Without `backend`, setting `VITRINE_REDIS_URL` chooses Redis. A backend object (such as
   * `new RedisQueue({ … })` of `@vitrine/queue-redis`) is used as given.
   */
  backend?: "memory" | "redis" | SharedQueueBackend;
  /** The Redis server's URL. Default `VITRINE_REDIS_URL`, else `redis://127.0.0.1:6379`. */
  url?: string;
  /**
   * Prefix of the app's Redis keys: the processes of one app must share it, and different apps
   * on one Redis must not. Default `vitrine:<hash of the app's blocks and functions>:`.
   */
  prefix?: string;
  /** Milliseconds a process counts as alive after its last sign; its running events are reported failed about this long after it dies. Default 3000. */
  liveness_ms?: number;
}

/** The shared queue an app's options and environment choose. */
export type SharedBackendChoice =
  /** A backend object given at launch, used as it is. */
  | { kind: "object"; backend: SharedQueueBackend }
  /** Redis, with the app's key prefix. */
  | { kind: "redis"; url: string; prefix: string };

/** The shared queue chosen by the options and the environment, or null for the in-memory queue. */
export function sharedBackendChoice(options: QueueBackendOptions | undefined, app: BlocksApp): SharedBackendChoice | null {
  const env = process.env.VITRINE_REDIS_URL;
  const backend = options?.backend ?? (env ? "redis" : "memory");
  if (typeof backend === "object") return { kind: "object", backend };
  if (backend !== "redis") return null;
  return {
    kind: "redis",
    url: options?.url ?? env ?? "redis://127.0.0.1:6379",
    prefix: options?.prefix ?? `vitrine:${appFingerprint(app)}:`,
  };
}

/**
 * A name for the app that every process running the same code computes alike: a hash of its
 * blocks and functions (not of its random `app_id`).
 */
export function appFingerprint(app: BlocksApp): string {
  const shape = {
    title: app.title,
    blocks: app.blocks().map((b) => [b.id, b.type]),
    fns: app.dependencies.map((d) => [d.id, d.apiName, d.inputs.map((c) => c.id), d.outputs.map((c) => c.id)]),
  };
  return createHash("sha256").update(JSON.stringify(shape)).digest("hex").slice(0, 16);
}

/** Loads `@vitrine/queue-redis` (an optional dependency) and makes its backend. */
export async function loadRedisBackend(settings: { url: string; prefix: string }, livenessMs: number | undefined, updateIntervalMs: number): Promise<SharedQueueBackend> {
  let mod: { RedisQueue: new (o: object) => SharedQueueBackend };
  try {
    mod = (await import("@vitrine/queue-redis")) as typeof mod;
  } catch (err) {
    throw new Error(`The Redis queue needs the package @vitrine/queue-redis: install it next to @vitrine/server (${(err as Error).message})`);
  }
  return new mod.RedisQueue({ url: settings.url, prefix: settings.prefix, livenessMs, updateIntervalMs });
}
