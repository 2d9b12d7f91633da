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
import { BATCH, CANCEL, REAP } from "./scripts.js";

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

/** What a batch operation's reply is handed to (null: nobody waits for it). */
type Waiter = { resolve: (reply: unknown) => void; reject: (err: Error) => void } | null;

interface Scripts {
  vtBatch(...args: (string | number)[]): Promise<unknown[]>;
  vtCancel(...args: (string | number)[]): Promise<"waiting" | "running" | "unknown">;
  vtReap(...args: (string | number)[]): Promise<string[]>;
}

type Client = Redis & Scripts;

/** One local reader of a session's stream. */
interface Reader {
  readonly session: string;
  /** Its claim's value in Redis: `<process id>|<number>` (a new one each time it claims its session again). */
  token: string;
  /** Writes messages to its stream (a no-op once it ended: see {@link RedisQueue.forget}). */
  receive: (messages: [string, string | null][], done: boolean) => void;
  /**
   * Waiting for its claim (messages published to it meanwhile are kept), reading, paused (the
   * subscriber connection broke: it claims its session again once it is back), or ended.
   */
  state: "acquiring" | "reading" | "paused" | "ended";
  /** Publishes to it may have been lost (the subscriber connection broke since it began). */
  stale: boolean;
  /** What was published to it while it was acquiring: [left, messages]. */
  early: [number, string[]][];
  /** Messages it wrote, that were published to it, and whose acknowledgement is not sent yet. */
  unacked: number;
}

/** What an ended reader's stream gets: nothing. */
const ended = (): void => undefined;

/** A stored message: `<id of the event it completes, or nothing>\n<text>`. */
function parseMessage(stored: string): [string, string | null] {
  const nl = stored.indexOf("\n");
  return [stored.slice(nl + 1), nl > 0 ? stored.slice(0, nl) : null];
}

/** A run of one job started as it was pushed, whose JSON Redis does not keep (see `F` in scripts.ts). */
const STARTED_AT_PUSH = "=";

/**
 * How long (ms) a reader may hold messages it wrote before acknowledging them, and how many:
 * a stream's messages are acknowledged together (one operation for many tokens) rather than
 * one by one. Messages not yet acknowledged when a reader's process dies go to the session's
 * next reader again, so this bounds what a client that reconnects may receive twice.
 */
const ACK_DELAY_MS = 50;
const ACK_EVERY_MESSAGES = 64;

/** Most operations in one script call (a larger tick is split in several, sent in order). */
const MAX_BATCH_OPERATIONS = 2000;

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
  /** The connection in subscriber mode (messages for this process's readers, cancellations). */
  private readonly sub: Redis;
  private readonly livenessMs: number;
  private readonly sessionTtlMs: number;
  private readonly updateIntervalMs: number;
  /** How long a done stream's claim waits for its reader's acknowledgement before it lapses. */
  private readonly doneTtlMs: number;
  private groups = new Map<string, SharedGroup>();
  private host: SharedQueueHost | null = null;
  /** This process's readers, by session and by token. */
  private readonly readers = new Map<string, Reader>();
  private readonly readerByToken = new Map<string, Reader>();
  private readerCount = 0;
  private readonly lastRankPass = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  /**
   * The runs this process claimed: run id → its event ids, comma-separated (the end of a run
   * frees them without a lookup), or {@link STARTED_AT_PUSH} for a job started as it was pushed.
   */
  private readonly runs = new Map<string, string>();
  /** Groups with a claim in flight, and those to claim again once it is done. */
  private readonly claiming = new Set<string>();
  private readonly claimAgain = new Set<string>();
  /** The operations gathered this tick (flat: code, argument count, arguments…), and who waits for each reply. */
  private batchArgs: (string | number)[] = [];
  private batchWaiters: Waiter[] = [];
  /** Where the batch's last operation starts when it is a send (more messages to its session join it), else -1. */
  private lastSend = -1;
  private flushQueued = false;
  /** Batch calls on their way: the next one waits for their replies unless the batch is full (see {@link flush}). */
  private inFlight = 0;
  /** Readers with messages to acknowledge at the next flush. */
  private ackDue = new Set<Reader>();
  /** Readers with messages to acknowledge once {@link ACK_DELAY_MS} has passed, and its timer. */
  private ackLater = new Set<Reader>();
  private ackTimer: NodeJS.Timeout | null = null;
  /** Whether the subscriber connection is up and subscribed (publishes reach this process). */
  private subscribed = false;
  private closed = false;

  constructor(options: RedisQueueOptions = {}) {
    const url = options.url ?? process.env.VITRINE_REDIS_URL ?? "redis://127.0.0.1:6379";
    this.prefix = options.prefix ?? "vitrine:";
    this.livenessMs = options.livenessMs ?? 3000;
    this.sessionTtlMs = options.sessionTtlMs ?? 600_000;
    this.updateIntervalMs = options.updateIntervalMs ?? 1000;
    this.doneTtlMs = Math.max(1000, this.livenessMs * 2);
    // Auto-pipelining sends the commands issued in one tick (State reads and writes of many events) in one write.
    // The batch script call is one command a tick already: it skips ioredis's own pipelining.
    const redisOptions: RedisOptions = {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
      enableAutoPipelining: true,
      autoPipeliningIgnoredCommands: ["vtBatch"],
      ...options.redis,
    };
    this.redis = new Redis(url, redisOptions) as Client;
    this.sub = new Redis(url, redisOptions);
    for (const conn of [this.redis, this.sub]) {
      // Connection errors are retried by ioredis; they are logged, never thrown at the process.
      conn.on("error", (err: Error) => {
        if (!this.closed) console.error(`[vitrine] redis: ${err.message}`);
      });
    }
    this.redis.defineCommand("vtBatch", { lua: BATCH, numberOfKeys: 0 });
    this.redis.defineCommand("vtCancel", { lua: CANCEL, numberOfKeys: 3 });
    this.redis.defineCommand("vtReap", { lua: REAP, numberOfKeys: 0 });
  }

  private key(...parts: string[]): string {
    return this.prefix + parts.join(":");
  }

  async start(groups: readonly SharedGroup[], host: SharedQueueHost): Promise<void> {
    this.groups = new Map(groups.map((g) => [g.id, g]));
    this.host = host;
    await Promise.all([this.redis.connect(), this.sub.connect()]);
    await this.alive();
    this.sub.on("message", (channel: string, message: string) => this.onMessage(channel, message));
    const channels = [this.key("cancel"), this.key("wake", this.processId)];
    await this.sub.subscribe(...channels);
    this.subscribed = true;
    this.sub.on("close", () => this.pauseReaders());
    this.sub.on("ready", () => {
      // A reconnection (ioredis subscribes again): once subscribed for sure, readers catch up.
      if (!this.closed) this.sub.subscribe(...channels).then(() => this.resumeReaders(), (err: Error) => this.log("resubscribe", err));
    });
    const beat = Math.max(100, Math.floor(this.livenessMs / 3));
    this.timers.push(
      setInterval(() => void this.alive().catch(() => undefined), beat),
      // Reaping, and claiming what other processes left (a safety net: claims normally follow pushes and ends).
      setInterval(() => void this.sweep().catch((err: Error) => this.log("sweep", err)), beat),
      // Readers' claims live as long as their streams.
      setInterval(() => this.refreshReaders(), Math.max(1000, Math.floor(this.sessionTtlMs / 3))),
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

  /**
   * Adds an operation to this tick's batch (see `BATCH` in scripts.ts); the batch goes out as one
   * script call once the tick's work is done. Resolves with the operation's reply.
   */
  private op<T>(code: string, args: (string | number)[]): Promise<T> {
    return new Promise<T>((resolve, reject) => this.enqueue(code, args, { resolve: resolve as (reply: unknown) => void, reject }));
  }

  /** Adds an operation whose reply nobody waits for (its failure is logged). */
  private fire(code: string, args: (string | number)[]): void {
    this.enqueue(code, args, null);
  }

  private enqueue(code: string, args: (string | number)[], waiter: Waiter): void {
    this.lastSend = -1;
    this.batchArgs.push(code, args.length, ...args);
    this.batchWaiters.push(waiter);
    if (this.batchWaiters.length >= MAX_BATCH_OPERATIONS) this.flush();
    else this.scheduleFlush();
  }

  /** Flushes once this tick's work is done (at most one flush queued; none while a call is on its way: its reply queues one). */
  private scheduleFlush(): void {
    if (this.flushQueued || this.inFlight > 0) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  /**
   * Sends the gathered operations (and the acknowledgements due) as one script call. One call
   * at a time: what is gathered while a call is on its way goes out when its reply is back, so
   * under load each call carries everything one round trip gathered (fewer, larger calls), and
   * an idle process still sends at once. A full batch (or `force`, on close) goes out anyway.
   */
  private flush(force = false): void {
    this.flushQueued = false;
    if (this.inFlight > 0 && !force && this.batchWaiters.length < MAX_BATCH_OPERATIONS) return;
    this.lastSend = -1;
    // A new Set rather than clear(): a cleared Set's old table keeps its entries alive (see forget).
    const due = this.ackDue;
    this.ackDue = new Set();
    for (const reader of due) {
      // (A paused reader acknowledges as it claims its session again.)
      if (reader.state === "reading" && reader.unacked > 0) {
        this.batchArgs.push("K", 4, reader.session, reader.token, reader.unacked, 0);
        this.batchWaiters.push(null);
        reader.unacked = 0;
      }
    }
    if (this.batchWaiters.length === 0) return;
    const args = this.batchArgs;
    const waiters = this.batchWaiters;
    this.batchArgs = [];
    this.batchWaiters = [];
    this.inFlight++;
    const sent = () => {
      this.inFlight--;
      if (this.batchWaiters.length > 0 || this.ackDue.size > 0) this.scheduleFlush();
    };
    this.redis.vtBatch(this.prefix, this.processId, this.sessionTtlMs, this.doneTtlMs, ...args).then(
      (replies) => {
        sent();
        for (let i = 0; i < waiters.length; i++) waiters[i]?.resolve(replies[i]);
      },
      (err: Error) => {
        sent();
        this.log("batch", err);
        for (const w of waiters) w?.reject(err);
      },
    );
  }

  /** Reports the jobs of dead processes, then claims in every group. */
  private async sweep(): Promise<void> {
    if (this.closed || !this.host) return;
    const lost = await this.redis.vtReap(this.prefix, ...this.groups.keys());
    for (const json of lost) this.host.lost(JSON.parse(json) as SharedJob);
    for (const id of this.groups.keys()) this.claim(id);
  }

  async push(job: SharedJob, options: PushOptions = {}): Promise<PushResult> {
    const maxSize = options.maxSize ?? null;
    const perSession = options.maxPerSession ?? null;
    const group = this.groups.get(job.group);
    const limit = group?.limit ?? null;
    const batching = (group?.batchMax ?? 1) > 1;
    const args = (json: string, mode: "0" | "1" | "2" | "3") => [
      job.id,
      json,
      job.group,
      maxSize ?? -1,
      limit ?? -1,
      mode,
      job.session,
      // (The estimation template is only used by a job that waits, which mode 2 never does.)
      mode === "2" ? "" : (options.estimation ?? ""),
      job.fn,
      perSession ?? -1,
    ];
    // A job this process starts at once needs no JSON in Redis (only a retried job is run
    // again elsewhere): it goes first without, and again with it only if it must wait.
    const lean = !batching && !job.retry;
    let reply = await this.op<[number, number?, number?]>("P", lean ? args("", "2") : args(JSON.stringify(job), batching ? "0" : "1"));
    if (reply[0] === 3) reply = await this.op<[number, number?, number?]>("P", args(JSON.stringify(job), "3"));
    const [state, rank, queueSize] = reply;
    if (state === -1) throw new QueueFullError(maxSize ?? 0);
    if (state === -2) throw new SessionFullError(perSession ?? 0);
    if (state === 1) {
      this.runs.set(job.id, lean ? STARTED_AT_PUSH : job.id);
      return { claimed: true };
    }
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
    const group = this.groups.get(groupId);
    if (!group) return;
    this.claiming.add(groupId);
    const now = performance.now();
    const rankPass = now - (this.lastRankPass.get(groupId) ?? -Infinity) >= this.updateIntervalMs;
    this.op<string[]>("C", [groupId, group.limit ?? -1, group.batchMax, rankPass ? 1 : 0]).then(
      (claimed) => {
        this.claiming.delete(groupId);
        if (claimed.length > 0) {
          if (rankPass) this.lastRankPass.set(groupId, now);
          const jobs = claimed.map((json) => JSON.parse(json) as SharedJob);
          this.runs.set(jobs[0]!.id, jobs.map((j) => j.id).join(","));
          this.host?.run(jobs);
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
    const ids = this.runs.get(runId) ?? "";
    this.runs.delete(runId);
    const [average, waiting] = await this.op<[string, number]>("F", [runId, group, durationSeconds === null ? "" : String(durationSeconds), ids]);
    if (waiting > 0) this.claim(group);
    return average === "" ? null : Number(average);
  }

  cancel(session: string, id: string): Promise<"waiting" | "running" | "unknown"> {
    return this.redis.vtCancel(this.key("jobs"), this.key("waiting"), this.key("tpl"), id, session, this.prefix);
  }

  async track(session: string, id: string, fn: number): Promise<void> {
    await this.op("T", [session, id, fn]);
  }

  async pending(session: string): Promise<{ id: string; fn: number }[]> {
    const all = await this.redis.hgetall(this.key("sess", session, "ev"));
    return Object.entries(all).map(([id, fn]) => ({ id, fn: Number(fn) }));
  }

  deliver(session: string, text: string, completes: string | null): void {
    const id = completes ?? "";
    // Messages to one session in a row (an event's start and end, a stream's tokens) share one operation.
    const at = this.lastSend;
    const args = this.batchArgs;
    if (at >= 0 && args[at + 2] === session && args.length === (args[at + 1] as number) + at + 2) {
      const last = args.length - 2;
      // It joins the operation's last message unless that one completes an event: one stored
      // message then holds several frames (a start and an end, tokens), which the reader
      // writes as one. (Stored as in Redis, `<id it completes>\n<text>`: see parseMessage.)
      if (args[last + 1] === "") {
        args[last] = `${id}${args[last] as string}${text}`;
        args[last + 1] = id;
      } else {
        args.push(`${id}\n${text}`, id);
        (args[at + 1] as number) += 2;
      }
      return;
    }
    const start = args.length;
    this.fire("S", [session, `${id}\n${text}`, id]);
    // (Unless that operation filled the batch, which went out.)
    if (this.batchArgs.length > start) this.lastSend = start;
  }

  async read(session: string, receive: (messages: [string, string | null][], done: boolean) => void): Promise<SessionReader | "busy" | "unknown"> {
    if (this.readers.has(session)) return "busy";
    const reader: Reader = { session, token: this.newToken(), receive, state: "acquiring", stale: false, early: [], unacked: 0 };
    this.readers.set(session, reader);
    this.readerByToken.set(reader.token, reader);
    let reply: (number | string)[];
    try {
      reply = await this.acquire(reader, "");
    } catch (err) {
      this.forget(reader);
      throw err;
    }
    if (reply[0] !== 1 || reader.state !== "acquiring") {
      this.forget(reader);
      return reply[0] === -1 ? "unknown" : "busy";
    }
    // The caller sets its stream up once this resolves; the messages follow right after.
    setImmediate(() => this.startReading(reader, reply));
    return {
      close: async () => {
        if (reader.state === "ended") return;
        // What it wrote is acknowledged as it gives its claim up (a reader of the session's next stream starts after it).
        const wrote = reader.state === "reading" ? reader.unacked : 0;
        this.forget(reader);
        if (!this.closed) await this.op("K", [session, reader.token, wrote, 1]).catch(() => undefined);
      },
    };
  }

  private newToken(): string {
    return `${this.processId}|${++this.readerCount}`;
  }

  /** A reader got its claim: the messages that waited, then those published to it meanwhile. */
  private startReading(reader: Reader, reply: (number | string)[]): void {
    if (reader.state !== "acquiring") return;
    const [, left, ...waiting] = reply as [number, number, ...string[]];
    reader.state = "reading";
    if (left === 0) {
      // Every event completed: the claim was released with these messages.
      this.end(reader, waiting.map(parseMessage));
      return;
    }
    if (waiting.length > 0) reader.receive(waiting.map(parseMessage), false);
    if (reader.stale) {
      // What was published to it meanwhile may be incomplete: it takes the rest from Redis.
      reader.state = "paused";
      reader.early = [];
      if (this.subscribed) this.reclaim(reader);
      return;
    }
    for (const [l, messages] of reader.early.splice(0)) this.give(reader, l, messages);
  }

  /** The subscriber connection broke: what is published to this process's readers is lost until it is back. */
  private pauseReaders(): void {
    this.subscribed = false;
    for (const reader of this.readers.values()) {
      reader.stale = true;
      if (reader.state === "reading") reader.state = "paused";
    }
  }

  /** The subscriber connection is back and subscribed: paused readers catch up. */
  private resumeReaders(): void {
    this.subscribed = true;
    for (const reader of [...this.readers.values()]) if (reader.state === "paused") this.reclaim(reader);
  }

  /**
   * A paused reader acknowledges what it wrote, then claims its session again under a new token
   * and takes what is left in Redis, in order: what was published to its old token is in it.
   */
  private reclaim(reader: Reader): void {
    const old = reader.token;
    if (reader.unacked > 0) this.fire("K", [reader.session, old, reader.unacked, 0]);
    reader.unacked = 0;
    this.ackDue.delete(reader);
    this.ackLater.delete(reader);
    this.readerByToken.delete(old);
    reader.token = this.newToken();
    this.readerByToken.set(reader.token, reader);
    reader.state = "acquiring";
    reader.stale = false;
    reader.early = [];
    this.acquire(reader, old).then(
      (reply) => {
        if (reply[0] === 1) this.startReading(reader, reply);
        else if (reader.state === "acquiring") {
          // Its session ended meanwhile, or another stream took it over: this stream ends.
          this.end(reader, []);
        }
      },
      (err: Error) => this.log("reclaim", err),
    );
  }

  /**
   * Claims a session for a reader. While the previous reader's stream is done but its last
   * messages not yet acknowledged (an instant, unless its process died), tries again shortly.
   */
  private async acquire(reader: Reader, previous: string): Promise<(number | string)[]> {
    const deadline = performance.now() + this.doneTtlMs + this.livenessMs;
    for (let wait = 1; ; wait = Math.min(wait * 2, 100)) {
      const reply = await this.op<(number | string)[]>("A", [reader.session, reader.token, previous]);
      if (reply[0] !== 2 || performance.now() > deadline || reader.state !== "acquiring") return reply;
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /**
   * Ends a reader. It also lets go of its stream: V8 keeps a Map's or Set's old tables (after a
   * rehash or a clear) alive until a full collection, with every entry they held, so an ended
   * reader that still held its stream would keep the stream's objects alive and promote them.
   */
  private forget(reader: Reader): void {
    reader.state = "ended";
    if (this.readers.get(reader.session) === reader) this.readers.delete(reader.session);
    this.readerByToken.delete(reader.token);
    this.ackDue.delete(reader);
    this.ackLater.delete(reader);
    reader.receive = ended;
    reader.early = [];
  }

  /** Ends a reader with its last messages. */
  private end(reader: Reader, messages: [string, string | null][]): void {
    const { receive } = reader;
    this.forget(reader);
    receive(messages, true);
  }

  /**
   * Messages published to a reading reader. It acknowledges them at the next flush; `left` 0
   * ends its stream, and the acknowledgement then gives its claim up.
   */
  private give(reader: Reader, left: number, messages: string[]): void {
    if (left === 0) {
      this.fire("K", [reader.session, reader.token, reader.unacked + messages.length, 1]);
      this.end(reader, messages.map(parseMessage));
      return;
    }
    reader.receive(messages.map(parseMessage), false);
    reader.unacked += messages.length;
    if (reader.unacked >= ACK_EVERY_MESSAGES) {
      this.ackLater.delete(reader);
      this.ackDue.add(reader);
      this.scheduleFlush();
      return;
    }
    this.ackLater.add(reader);
    if (!this.ackTimer) {
      this.ackTimer = setTimeout(() => this.ackHeld(), ACK_DELAY_MS);
      this.ackTimer.unref();
    }
  }

  /** The readers' held acknowledgements go out with the next flush. */
  private ackHeld(): void {
    this.ackTimer = null;
    // A new Set rather than clear(): a cleared Set's old table keeps its entries alive (see forget).
    const held = this.ackLater;
    this.ackLater = new Set();
    for (const reader of held) if (reader.state === "reading" && reader.unacked > 0) this.ackDue.add(reader);
    if (this.ackDue.size > 0) this.scheduleFlush();
  }

  private onMessage(channel: string, message: string): void {
    if (channel === this.key("cancel")) {
      this.host?.cancelRunning(message);
      return;
    }
    let entries: [string, number, ...string[]][];
    try {
      entries = JSON.parse(message) as [string, number, ...string[]][];
    } catch {
      return;
    }
    for (const [token, left, ...messages] of entries) {
      const reader = this.readerByToken.get(token);
      // A reader that ended: what it was not given stays in Redis for the session's next reader.
      if (!reader) continue;
      if (reader.state === "acquiring") reader.early.push([left, messages]);
      else if (reader.state === "reading") this.give(reader, left, messages);
      // (A paused reader takes them from Redis when it claims its session again.)
    }
  }

  /** Renews the claims of this process's readers. */
  private refreshReaders(): void {
    for (const reader of this.readers.values()) if (reader.state === "reading") this.fire("X", [reader.session, reader.token]);
  }

  async hasReader(session: string): Promise<boolean> {
    return (await this.op<number>("E", [session])) === 1;
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
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    for (const reader of [...this.readers.values()]) this.forget(reader);
    // Send what this tick gathered, then say goodbye: the others reap nothing of ours that ended.
    this.flush(true);
    await this.redis.del(this.key("proc", this.processId)).catch(() => undefined);
    this.closed = true;
    await Promise.allSettled([this.redis.quit(), this.sub.quit()]);
  }
}
