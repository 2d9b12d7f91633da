import { CancelledError, drive } from "./drive.js";

/** Something that happened to a job, in order: estimation*, started, output*, then one end. */
export type JobEvent =
  | {
      type: "estimation";
      /** 0-based position among the jobs waiting in the job's concurrency group. */
      rank: number;
      /** Jobs waiting in the job's concurrency group. */
      queueSize: number;
      /** Seconds until the job is expected to start; null until a run of its group has been measured. */
      rankEta: number | null;
    }
  | { type: "started"; eta: number | null }
  | { type: "output"; value: unknown }
  | { type: "completed"; value: unknown; duration: number; averageDuration: number }
  | { type: "failed"; error: unknown; duration: number }
  | { type: "cancelled" };

/** The outcome of one job of a batch: its value, or the error that failed only this job. */
export type BatchOutcome = { value: unknown } | { error: unknown };

/**
 * How a task joins batches: waiting tasks with the same `key` are gathered, up to
 * `maxSize`, into one call of `run` (the first task's), which takes one concurrency slot.
 */
export interface BatchSpec {
  /** Tasks with the same key may share a batch (typically the function's id). */
  key: string;
  /** Most tasks in one batch. */
  maxSize: number;
  /**
   * Runs the gathered tasks in one call and resolves with one outcome per task, in order.
   * A throw (or rejection) fails every task of the batch.
   */
  run(tasks: readonly Task[], signal: AbortSignal): BatchOutcome[] | Promise<BatchOutcome[]>;
}

/** A unit of work handed to the queue: run on its own (`start`), or gathered into batches (`batch`). */
export interface Task {
  /** Tasks sharing a concurrency id share one limit (the lowest limit given by any of them). */
  concurrencyId: string;
  /** How many runs of this concurrency id may run at once; `null` = unlimited. */
  concurrencyLimit: number | null;
  /**
   * The concurrency group exists only for this task (and the tasks pushed with it): the queue
   * forgets it once nothing in it runs or waits, instead of keeping its average duration.
   */
  transientGroup?: boolean;
  /** When set, the task runs in batches through `batch.run`, and `start` is not used. */
  batch?: BatchSpec | null;
  /**
   * Starts the work of a task without `batch`; returns a value, a promise, or a (sync or
   * async) generator. `control.signal` fires when the job is cancelled (it is created on
   * first use: most jobs never need one).
   */
  start?(control: JobControl): unknown;
  /** Turns each value a generator yields (or returns) into the job's output, e.g. to postprocess it. A throw fails the job. */
  mapYield?(value: unknown): unknown;
  /**
   * Runs the job's work (`start` or `batch.run`, and driving a generator to its end), for
   * example inside an AsyncLocalStorage context, so that code the job runs can find it.
   */
  runInContext?<T>(work: () => T): T;
  /** Receives the job's events. Must not throw. */
  onEvent(event: JobEvent): void;
}

/** What a started job can see of its run. */
export interface JobControl {
  /** Fires when the job is cancelled. */
  readonly signal: AbortSignal;
  /** Whether the job was cancelled (cheaper than `signal.aborted`). */
  readonly aborted: boolean;
}

/** A task in the queue, waiting or running. */
export interface Job {
  /** The job's id, unique in its queue. */
  readonly id: string;
  /** What the job runs, as it was pushed. */
  readonly task: Task;
  /** Where the job is: waiting for a slot, running, or done (ended or cancelled). */
  readonly state: "waiting" | "running" | "done";
  /**
   * Aborts the job: a waiting job leaves the queue; a running one has its signal aborted and
   * its concurrency slot freed at once (its late results are ignored). A job in a running
   * batch is dropped from it; the batch is aborted when all of its jobs are. Idempotent.
   */
  cancel(): void;
}

/** Raised by {@link Queue.push} when `maxSize` jobs are already waiting. */
export class QueueFullError extends Error {
  constructor(maxSize: number) {
    super(`Queue is full: ${maxSize} event(s) are already waiting. Try again later.`);
    this.name = "QueueFullError";
  }
}

/** Queue settings. */
export interface QueueOptions {
  /** Most jobs waiting (not running) at once; `null` = unlimited. */
  maxSize?: number | null;
  /**
   * Least time, in milliseconds, between two passes that re-send `estimation` events to
   * waiting jobs whose rank changed (per concurrency group). Default 1000. With `0` every
   * change is sent (passes are still coalesced within one tick of the event loop).
   */
  updateInterval?: number;
}

/** One concurrency group: its limit, its runs and its waiting jobs (FIFO). */
interface Group {
  readonly id: string;
  /** Forgotten once idle (see {@link Task.transientGroup}). */
  readonly transient: boolean;
  limit: number;
  /** Runs in progress (a batch counts once). */
  running: number;
  /** Waiting jobs in arrival order, from `head`; cancelled ones stay until skipped. */
  waiting: Entry[];
  head: number;
  /** Jobs of `waiting` still waiting. */
  live: number;
  /** Mean duration of the group's completed runs, in seconds. */
  average: number | null;
  runs: number;
  /** Rank pass: scheduled timer, time of the last pass. */
  timer: ReturnType<typeof setTimeout> | null;
  lastPass: number;
}

/** One call of a function: a single job, or a batch. Its AbortController is made only when asked for. */
class Run implements JobControl {
  private controller: AbortController | null = null;
  aborted = false;
  /** Members not cancelled. */
  live: number;
  finished = false;

  constructor(
    readonly group: Group,
    readonly members: Entry[],
  ) {
    this.live = members.length;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort();
    }
    return this.controller.signal;
  }

  abort(): void {
    this.aborted = true;
    this.controller?.abort();
  }
}

interface Entry extends Job {
  readonly group: Group;
  state: "waiting" | "running" | "done";
  run: Run | null;
  /** Rank last reported, and whether its ETA was known. */
  rank: number;
  etaKnown: boolean;
}

let nextJobId = 0;

/**
 * The in-memory job queue. Each concurrency group is first come, first served; a full group
 * never holds back jobs of other groups. Pushing, starting and finishing a job cost O(1);
 * rank updates for waiting jobs go out in one pass per group at most every `updateInterval`.
 */
export class Queue {
  private readonly groups = new Map<string, Group>();
  private readonly maxSize: number | null;
  private readonly updateInterval: number;
  private waitingCount = 0;
  private closed = false;
  /** While set, pushed jobs wait (see {@link pushAll}). */
  private holding = false;

  constructor(options: QueueOptions = {}) {
    this.maxSize = options.maxSize ?? null;
    this.updateInterval = Math.max(0, options.updateInterval ?? 1000);
  }

  /** Number of jobs waiting to start, in all groups. */
  get size(): number {
    return this.waitingCount;
  }

  /** Number of concurrency groups the queue holds (transient ones are dropped when idle). */
  get groupCount(): number {
    return this.groups.size;
  }

  /** Adds a task; throws {@link QueueFullError} when `maxSize` jobs are already waiting. */
  push(task: Task): Job {
    if (this.maxSize !== null && this.waitingCount >= this.maxSize) throw new QueueFullError(this.maxSize);
    const group = this.group(task);
    const entry: Entry = {
      id: (++nextJobId).toString(36),
      task,
      group,
      state: "waiting",
      run: null,
      rank: 0,
      etaKnown: false,
      cancel: () => this.cancel(entry),
    };
    if (!this.holding && group.live === 0 && group.running < group.limit) {
      task.onEvent({ type: "estimation", rank: 0, queueSize: 1, rankEta: group.average === null ? null : 0 });
      this.start(entry);
      return entry;
    }
    group.waiting.push(entry);
    group.live++;
    this.waitingCount++;
    entry.rank = group.live - 1;
    const rankEta = this.rankEta(group, entry.rank);
    entry.etaKnown = rankEta !== null;
    task.onEvent({ type: "estimation", rank: entry.rank, queueSize: group.live, rankEta });
    return entry;
  }

  /**
   * Adds several tasks at once, before any of them starts: tasks of one batch key are then
   * gathered into one run (a shared queue hands over a claimed batch this way).
   */
  pushAll(tasks: readonly Task[]): Job[] {
    this.holding = true;
    let jobs: Job[];
    try {
      jobs = tasks.map((task) => this.push(task));
    } finally {
      this.holding = false;
    }
    for (const job of jobs) this.pump((job as Entry).group);
    return jobs;
  }

  /** Cancels every waiting job and stops the queue's timers (server shutdown); running jobs are cancelled through their {@link Job}. */
  close(): void {
    this.closed = true;
    for (const group of this.groups.values()) {
      for (const entry of group.waiting.slice(group.head)) entry.cancel();
      if (group.timer) clearTimeout(group.timer);
      group.timer = null;
    }
  }

  private group(task: Task): Group {
    const limit = task.concurrencyLimit ?? Infinity;
    let group = this.groups.get(task.concurrencyId);
    if (!group) {
      group = { id: task.concurrencyId, transient: task.transientGroup === true, limit, running: 0, waiting: [], head: 0, live: 0, average: null, runs: 0, timer: null, lastPass: -Infinity };
      this.groups.set(task.concurrencyId, group);
    } else if (limit < group.limit) {
      group.limit = limit;
    }
    return group;
  }

  /** Seconds until a job of rank `rank` starts: the runs ahead of it, `limit` at a time. */
  private rankEta(group: Group, rank: number): number | null {
    if (group.average === null) return null;
    const rounds = group.limit === Infinity ? 1 : Math.floor(rank / group.limit) + 1;
    return group.average * rounds;
  }

  /** Takes the next waiting job of a group off its queue (null when none is waiting). */
  private take(group: Group): Entry | null {
    const { waiting } = group;
    while (group.head < waiting.length) {
      const entry = waiting[group.head]!;
      waiting[group.head++] = undefined as unknown as Entry;
      if (entry.state === "waiting") {
        group.live--;
        this.waitingCount--;
        this.compact(group);
        return entry;
      }
    }
    this.compact(group);
    return null;
  }

  private compact(group: Group): void {
    if (group.head === group.waiting.length) {
      group.waiting.length = 0;
      group.head = 0;
    } else if (group.head > 1024 && group.head * 2 > group.waiting.length) {
      group.waiting = group.waiting.slice(group.head);
      group.head = 0;
    }
  }

  /** Starts waiting jobs of a group while it has free slots. */
  private pump(group: Group): void {
    let started = false;
    while (group.live > 0 && group.running < group.limit) {
      const entry = this.take(group);
      if (!entry) break;
      this.start(entry);
      started = true;
    }
    if (started && group.live > 0) this.ranksChanged(group);
  }

  /** Gathers the waiting jobs of the same batch key that may join `first`'s batch. */
  private gather(first: Entry): Entry[] {
    const spec = first.task.batch;
    const members = [first];
    if (!spec) return members;
    const group = first.group;
    const { waiting } = group;
    for (let i = group.head; i < waiting.length && members.length < spec.maxSize; i++) {
      const entry = waiting[i]!;
      if (entry.state === "waiting" && entry.task.batch?.key === spec.key) {
        entry.state = "running";
        group.live--;
        this.waitingCount--;
        members.push(entry);
      }
    }
    return members;
  }

  private start(first: Entry): void {
    const group = first.group;
    const members = this.gather(first);
    const run = new Run(group, members);
    group.running++;
    const eta = group.average;
    for (const entry of members) {
      entry.state = "running";
      entry.run = run;
      entry.task.onEvent({ type: "started", eta });
    }
    const began = performance.now();
    const task = first.task;
    const work = () => this.execute(run, task);
    void (task.runInContext ? task.runInContext(work) : work()).then(
      (outcome) => {
        if (run.finished) return;
        const duration = (performance.now() - began) / 1000;
        const average = this.record(group, duration);
        this.finish(run, (entry, i) =>
          outcome.batch
            ? "error" in outcome.batch[i]!
              ? { type: "failed", error: outcome.batch[i]!.error, duration }
              : { type: "completed", value: (outcome.batch[i] as { value: unknown }).value, duration, averageDuration: average }
            : { type: "completed", value: outcome.value, duration, averageDuration: average },
        );
      },
      (error: unknown) => {
        if (run.finished || error instanceof CancelledError || run.aborted) return;
        const duration = (performance.now() - began) / 1000;
        this.finish(run, () => ({ type: "failed", error, duration }));
      },
    );
  }

  /** Calls the task (or the batch) and drives it to its end. */
  private async execute(run: Run, task: Task): Promise<{ value?: unknown; batch?: BatchOutcome[] }> {
    if (task.batch) {
      const tasks = run.members.map((m) => m.task);
      const outcomes = await task.batch.run(tasks, run.signal);
      if (run.aborted) throw new CancelledError();
      if (!Array.isArray(outcomes) || outcomes.length !== tasks.length) {
        throw new TypeError(`A batch run must resolve with one outcome per task (${tasks.length})`);
      }
      return { batch: outcomes };
    }
    const entry = run.members[0]!;
    if (!task.start) throw new TypeError("A task needs either start() or batch");
    const map = task.mapYield ? (v: unknown) => task.mapYield!(v) : null;
    const value = await drive(
      task.start(run),
      run,
      (v) => {
        if (entry.state === "running") task.onEvent({ type: "output", value: v });
      },
      map,
    );
    return { value };
  }

  private finish(run: Run, eventFor: (entry: Entry, index: number) => JobEvent): void {
    run.finished = true;
    run.group.running--;
    run.members.forEach((entry, i) => {
      if (entry.state !== "running") return;
      entry.state = "done";
      entry.task.onEvent(eventFor(entry, i));
    });
    this.pump(run.group);
    this.dropIfIdle(run.group);
  }

  /** Forgets a transient group once nothing in it runs or waits. */
  private dropIfIdle(group: Group): void {
    if (!group.transient || group.running > 0 || group.live > 0 || this.groups.get(group.id) !== group) return;
    if (group.timer) clearTimeout(group.timer);
    this.groups.delete(group.id);
  }

  private cancel(entry: Entry): void {
    if (entry.state === "done") return;
    const group = entry.group;
    if (entry.state === "waiting") {
      entry.state = "done";
      group.live--;
      this.waitingCount--;
      entry.task.onEvent({ type: "cancelled" });
      if (group.live > 0) this.ranksChanged(group);
      else this.dropIfIdle(group);
      return;
    }
    // Running: drop it from its run; a run with nobody left is aborted and its slot freed now.
    entry.state = "done";
    const run = entry.run!;
    run.live--;
    if (run.live === 0 && !run.finished) {
      run.finished = true;
      group.running--;
      run.abort();
    }
    entry.task.onEvent({ type: "cancelled" });
    if (run.finished) this.pump(group);
    this.dropIfIdle(group);
  }

  private record(group: Group, duration: number): number {
    group.runs++;
    group.average = group.average === null ? duration : group.average + (duration - group.average) / group.runs;
    return group.average;
  }

  /**
   * Ranks in a group shifted: schedules a pass that re-sends estimations, at once (next tick)
   * when the last pass is older than `updateInterval`, else when it is due.
   */
  private ranksChanged(group: Group): void {
    if (group.timer || this.closed) return;
    const delay = Math.max(0, group.lastPass + this.updateInterval - performance.now());
    group.timer = setTimeout(() => this.rankPass(group), delay);
    (group.timer as { unref?: () => void }).unref?.();
  }

  /** Sends a new estimation to every waiting job of the group whose rank (or ETA's being known) changed. */
  private rankPass(group: Group): void {
    group.timer = null;
    group.lastPass = performance.now();
    const live: Entry[] = [];
    for (let i = group.head; i < group.waiting.length; i++) {
      const entry = group.waiting[i]!;
      if (entry.state === "waiting") live.push(entry);
    }
    group.waiting = live;
    group.head = 0;
    const queueSize = live.length;
    for (let rank = 0; rank < queueSize; rank++) {
      const entry = live[rank]!;
      const rankEta = this.rankEta(group, rank);
      if (entry.rank === rank && entry.etaKnown === (rankEta !== null)) continue;
      entry.rank = rank;
      entry.etaKnown = rankEta !== null;
      entry.task.onEvent({ type: "estimation", rank, queueSize, rankEta });
    }
  }
}
