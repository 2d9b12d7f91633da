import { randomUUID } from "node:crypto";
import { Redis, type RedisOptions } from "ioredis";
import {
  QueueFullError,
  SessionFullError,
  type PushOptions,
  type PushResult,
  type SessionReader,
  type SharedGroup,
  type SharedJob,
  type SharedQueueBackend,
  type SharedQueueHost,
} from "@vitrine/queue";
import { ACQUIRE, CANCEL, CLAIM, DELIVER, DRAIN, FINISH, PUSH, REAP, RELEASE, UNDRAIN } from "./scripts.js";

/** Settings of {@link RedisQueue}. */
export interface RedisQueueOptions {
  /** The Redis server, e.g. `redis://127.0.0.1:6379/0`. Default `VITRINE_REDIS_URL`, else `redis://127.0.0.1:6379`. */
  url?: string;
  /**
   * Prefix of every key: processes with the same prefix serve one app together. Give each app
   * its own (the server derives one from the app's structure when not given).
   */
  prefix?: string;
  /** How long (ms) a process counts as alive after its last sign of life. Default 3000: its running jobs are reported lost within about that. */
  livenessMs?: number;
  /** How long (ms) a session's undelivered messages and pending events are kept without a reader. Default 600000. */
  sessionTtlMs?: number;
  /** Least time (ms) between two passes that tell waiting jobs their new place, per group. Default 1000. */
  updateIntervalMs?: number;
  /** Extra ioredis options. */
  redis?: RedisOptions;
}

interface Scripts {
  vtPush(...args: (string | number)[]): Promise<[number, number?, number?]>;
  vtClaim(...args: (string | number)[]): Promise<string[]>;
  vtFinish(...args: (string | number)[]): Promise<[string, number]>;
  vtCancel(...args: (string | number)[]): Promise<"waiting" | "running" | "unknown">;
  vtDeliver(...args: (string | number)[]): Promise<number>;
  vtDrain(...args: (string | number)[]): Promise<[number, ...string[]]>;
  vtRelease(...args: (string | number)[]): Promise<number>;
  vtAcquire(...args: (string | number)[]): Promise<number>;
  vtUndrain(...args: (string | number)[]): Promise<number>;
  vtReap(...args: (string | number)[]): Promise<string[]>;
}

type Client = Redis & Scripts;

/** One local reader of a session's stream. */
interface Reader {
  receive(messages: [string, string | null][], done: boolean): void;
  draining: boolean;
  again: boolean;
  closed: boolean;
  /** Its claim was released in Redis already (all its session's events were delivered). */
  released: boolean;
}

/**
 * The queue, sessions and State of an app on Redis, shared by all its server processes (see
 * `SharedQueueBackend`). Each process claims jobs when a group has a free slot, so concurrency
 * limits hold across processes; a session's messages wait in Redis until its reader, in any
 * process, takes them; a process that dies stops renewing its liveness key, and the others
 * then report its running jobs failed (or queue them again, for `retry` jobs).
 *
 * @example
 * import { launch } from "@vitrine/server";
 * await launch(demo, { queue: { backend: "redis", url: "redis://127.0.0.1:6379" } });
 */
export class RedisQueue implements SharedQueueBackend {
  readonly processId = randomUUID();
  private readonly prefix: string;
  private readonly redis: Client;
  /** The connection in subscriber mode (messages waiting, cancellations). */
  private readonly sub: Redis;
  private readonly livenessMs: number;
  private readonly sessionTtlMs: number;
  private readonly updateIntervalMs: number;
  private groups: readonly SharedGroup[] = [];
  private host: SharedQueueHost | null = null;
  private readonly readers = new Map<string, Reader>();
  private readonly lastRankPass = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  /** Groups with a claim in flight, and those to claim again once it is done. */
  private readonly claiming = new Set<string>();
  private readonly claimAgain = new Set<string>();
  /** Messages to send, per session, gathered within one tick. */
  private outbox = new Map<string, (string | number)[]>();
  private flushing = false;
  private closed = false;

  constructor(options: RedisQueueOptions = {}) {
    const url = options.url ?? process.env.VITRINE_REDIS_URL ?? "redis://127.0.0.1:6379";
    this.prefix = options.prefix ?? "vitrine:";
    this.livenessMs = options.livenessMs ?? 3000;
    this.sessionTtlMs = options.sessionTtlMs ?? 600_000;
    this.updateIntervalMs = options.updateIntervalMs ?? 1000;
    // Auto-pipelining sends the commands issued in one tick (a run's end and its messages, many
    // sessions' messages) in one write.
    const redisOptions: RedisOptions = { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true, ...options.redis };
    this.redis = new Redis(url, redisOptions) as Client;
    this.sub = new Redis(url, redisOptions);
    for (const conn of [this.redis, this.sub]) {
      // Connection errors are retried by ioredis; they are logged, never thrown at the process.
      conn.on("error", (err: Error) => {
        if (!this.closed) console.error(`[vitrine] redis: ${err.message}`);
      });
    }
    const scripts: [string, string, number][] = [
      ["vtPush", PUSH, 7],
      ["vtClaim", CLAIM, 6],
      ["vtFinish", FINISH, 4],
      ["vtCancel", CANCEL, 3],
      ["vtDeliver", DELIVER, 0],
      ["vtDrain", DRAIN, 3],
      ["vtRelease", RELEASE, 1],
      ["vtAcquire", ACQUIRE, 3],
      ["vtUndrain", UNDRAIN, 1],
      ["vtReap", REAP, 0],
    ];
    for (const [name, lua, numberOfKeys] of scripts) this.redis.defineCommand(name, { lua, numberOfKeys });
  }

  private key(...parts: string[]): string {
    return this.prefix + parts.join(":");
  }

  private groupLimit(id: string): number {
    return this.groups.find((g) => g.id === id)?.limit ?? -1;
  }

  async start(groups: readonly SharedGroup[], host: SharedQueueHost): Promise<void> {
    this.groups = groups;
    this.host = host;
    await Promise.all([this.redis.connect(), this.sub.connect()]);
    await this.alive();
    this.sub.on("message", (channel: string, message: string) => this.onMessage(channel, message));
    await this.sub.subscribe(this.key("cancel"), this.key("wake", this.processId));
    const beat = Math.max(100, Math.floor(this.livenessMs / 3));
    this.timers.push(
      setInterval(() => void this.alive().catch(() => undefined), beat),
      // Reaping, and claiming what other processes left (a safety net: claims normally follow pushes and ends).
      setInterval(() => void this.sweep().catch((err: Error) => this.log("sweep", err)), beat),
    );
    for (const t of this.timers) t.unref();
    await this.sweep();
  }

  private log(what: string, err: Error): void {
    if (!this.closed) console.error(`[vitrine] redis queue (${what}): ${err.message}`);
  }

  private alive(): Promise<unknown> {
    return this.redis.set(this.key("proc", this.processId), "1", "PX", this.livenessMs);
  }

  /** Reports the jobs of dead processes, then claims in every group. */
  private async sweep(): Promise<void> {
    if (this.closed || !this.host) return;
    const lost = await this.redis.vtReap(this.prefix, ...this.groups.map((g) => g.id));
    for (const json of lost) this.host.lost(JSON.parse(json) as SharedJob);
    for (const g of this.groups) this.claim(g.id);
  }

  async push(job: SharedJob, options: PushOptions = {}): Promise<PushResult> {
    const maxSize = options.maxSize ?? null;
    const perSession = options.maxPerSession ?? null;
    const group = this.groups.find((g) => g.id === job.group);
    const limit = group?.limit ?? null;
    const batching = (group?.batchMax ?? 1) > 1;
    const [state, rank, queueSize] = await this.redis.vtPush(
      this.key("jobs"),
      this.key("wait", job.group),
      this.key("run", job.group),
      this.key("waiting"),
      this.key("avg", job.group),
      this.key("sess", job.session, "ev"),
      this.key("tpl"),
      job.id,
      JSON.stringify(job),
      maxSize ?? -1,
      limit ?? -1,
      this.processId,
      batching ? 0 : 1,
      this.sessionTtlMs,
      job.session,
      options.estimation ?? "",
      this.prefix,
      job.fn,
      perSession ?? -1,
    );
    if (state === -1) throw new QueueFullError(maxSize ?? 0);
    if (state === -2) throw new SessionFullError(perSession ?? 0);
    if (state === 1) return { claimed: true };
    // A batch (or a job behind others) waits: this process may still have room for it.
    this.claim(job.group);
    return { claimed: false, rank: rank!, queueSize: queueSize! };
  }

  /** Claims waiting jobs of a group while it has free slots, handing them to the host. */
  private claim(groupId: string): void {
    if (this.closed || !this.host) return;
    if (this.claiming.has(groupId)) {
      this.claimAgain.add(groupId);
      return;
    }
    const group = this.groups.find((g) => g.id === groupId);
    if (!group) return;
    this.claiming.add(groupId);
    const now = performance.now();
    const rankPass = now - (this.lastRankPass.get(groupId) ?? -Infinity) >= this.updateIntervalMs;
    this.redis
      .vtClaim(
        this.key("jobs"),
        this.key("wait", groupId),
        this.key("run", groupId),
        this.key("waiting"),
        this.key("avg", groupId),
        this.key("tpl"),
        group.limit ?? -1,
        this.processId,
        group.batchMax,
        rankPass ? 1 : 0,
        this.sessionTtlMs,
        this.prefix,
      )
      .then(
        (claimed) => {
          this.claiming.delete(groupId);
          if (claimed.length > 0) {
            if (rankPass) this.lastRankPass.set(groupId, now);
            this.host?.run(claimed.map((json) => JSON.parse(json) as SharedJob));
            // There may be more, and more room.
            this.claimAgain.add(groupId);
          }
          if (this.claimAgain.delete(groupId)) this.claim(groupId);
        },
        (err: Error) => {
          this.claiming.delete(groupId);
          this.log("claim", err);
        },
      );
  }

  async finished(runId: string, group: string, durationSeconds: number | null): Promise<number | null> {
    const [average, waiting] = await this.redis.vtFinish(
      this.key("run", group),
      this.key("jobs"),
      this.key("avg", group),
      this.key("wait", group),
      runId,
      durationSeconds === null ? "" : String(durationSeconds),
    );
    if (waiting > 0) this.claim(group);
    return average === "" ? null : Number(average);
  }

  cancel(session: string, id: string): Promise<"waiting" | "running" | "unknown"> {
    return this.redis.vtCancel(this.key("jobs"), this.key("waiting"), this.key("tpl"), id, session, this.prefix);
  }

  async track(session: string, id: string, fn: number): Promise<void> {
    const key = this.key("sess", session, "ev");
    await this.redis.multi().hset(key, id, String(fn)).pexpire(key, this.sessionTtlMs).exec();
  }

  async pending(session: string): Promise<{ id: string; fn: number }[]> {
    const all = await this.redis.hgetall(this.key("sess", session, "ev"));
    return Object.entries(all).map(([id, fn]) => ({ id, fn: Number(fn) }));
  }

  deliver(session: string, text: string, completes: string | null): void {
    let queued = this.outbox.get(session);
    if (!queued) {
      queued = [];
      this.outbox.set(session, queued);
    }
    queued.push(text, completes ?? "");
    if (!this.flushing) {
      this.flushing = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Sends the messages gathered this tick: one script call per session, in order. */
  private flush(): void {
    this.flushing = false;
    const outbox = this.outbox;
    this.outbox = new Map();
    for (const [session, items] of outbox) {
      this.redis.vtDeliver(this.prefix, session, this.sessionTtlMs, ...items).catch((err: Error) => this.log("deliver", err));
    }
  }

  async read(session: string, receive: (messages: [string, string | null][], done: boolean) => void): Promise<SessionReader | "busy" | "unknown"> {
    const readerKey = this.key("sess", session, "reader");
    if (this.readers.has(session)) return "busy";
    // The claim lives as long as this process does: a reader whose process died is replaced.
    const ttl = this.livenessMs * 2;
    const got = await this.redis.vtAcquire(readerKey, this.key("sess", session, "ev"), this.key("sess", session, "msg"), this.processId, ttl, this.prefix);
    if (got === -1) return "unknown";
    if (got !== 1 || this.readers.has(session)) return "busy";
    const reader: Reader = { receive, draining: false, again: false, closed: false, released: false };
    this.readers.set(session, reader);
    const refresh = setInterval(() => void this.redis.pexpire(readerKey, ttl).catch(() => undefined), this.livenessMs / 3);
    refresh.unref();
    this.drain(session, reader);
    return {
      close: async () => {
        if (reader.closed) return;
        reader.closed = true;
        clearInterval(refresh);
        if (this.readers.get(session) === reader) this.readers.delete(session);
        if (this.closed || reader.released) return;
        await this.redis.vtRelease(readerKey, this.processId).catch(() => undefined);
      },
    };
  }

  /** Takes a session's waiting messages to its reader; a wake-up during a drain drains again after it. */
  private drain(session: string, reader: Reader): void {
    if (reader.closed) return;
    if (reader.draining) {
      reader.again = true;
      return;
    }
    reader.draining = true;
    this.redis.vtDrain(this.key("sess", session, "msg"), this.key("sess", session, "ev"), this.key("sess", session, "reader"), this.processId).then(
      ([left, ...raw]) => {
        reader.draining = false;
        const done = left === 0;
        if (done) reader.released = true;
        if (raw.length > 0 && reader.closed) {
          // Taken as its reader closed: they wait for the session's next reader.
          if (!this.closed) this.redis.vtUndrain(this.key("sess", session, "msg"), ...raw).catch((err: Error) => this.log("drain", err));
          return;
        }
        if (raw.length > 0 || done) {
          reader.receive(
            raw.map((m) => {
              const [text, completes] = JSON.parse(m) as [string, string | false];
              return [text, completes === false ? null : completes];
            }),
            done,
          );
        }
        if (done) return;
        if (reader.again) {
          reader.again = false;
          this.drain(session, reader);
        }
      },
      (err: Error) => {
        reader.draining = false;
        this.log("drain", err);
      },
    );
  }

  private onMessage(channel: string, message: string): void {
    if (channel === this.key("cancel")) {
      this.host?.cancelRunning(message);
      return;
    }
    const reader = this.readers.get(message);
    if (reader) this.drain(message, reader);
  }

  async hasReader(session: string): Promise<boolean> {
    return (await this.redis.exists(this.key("sess", session, "reader"))) === 1;
  }

  async dropSession(session: string): Promise<void> {
    await this.redis.del(this.key("sess", session, "ev"), this.key("sess", session, "msg"));
  }

  async loadState(session: string, ids: readonly number[]): Promise<Map<number, Buffer>> {
    const out = new Map<number, Buffer>();
    if (ids.length === 0) return out;
    const values = await this.redis.mgetBuffer(...ids.map((id) => this.key("state", session, String(id))));
    values.forEach((v, i) => {
      if (v) out.set(ids[i]!, v);
    });
    return out;
  }

  saveState(session: string, id: number, value: Buffer, ttlMs: number | null): void {
    const key = this.key("state", session, String(id));
    const write = ttlMs === null ? this.redis.set(key, value) : this.redis.set(key, value, "PX", ttlMs);
    write.catch((err: Error) => this.log("state", err));
  }

  async endState(session: string, ids: readonly number[]): Promise<Map<number, Buffer>> {
    const out = new Map<number, Buffer>();
    if (ids.length === 0) return out;
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.getdelBuffer(this.key("state", session, String(id)));
    const results = (await pipeline.exec()) ?? [];
    results.forEach(([err, v], i) => {
      if (!err && v) out.set(ids[i]!, v as Buffer);
    });
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const reader of this.readers.values()) reader.closed = true;
    this.readers.clear();
    // Flush what this tick gathered, then say goodbye: the others reap nothing of ours that ended.
    this.flush();
    await this.redis.del(this.key("proc", this.processId)).catch(() => undefined);
    this.closed = true;
    await Promise.allSettled([this.redis.quit(), this.sub.quit()]);
  }
}
