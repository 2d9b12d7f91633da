import { CancelledError, drive } from "./drive.js";

/** Something that happened to a job, in order: estimation*, started, output*, then one end. */
export type JobEvent =
  | { type: "estimation"; rank: number; queueSize: number; rankEta: number | null }
  | { type: "started"; eta: number | null }
  | { type: "output"; value: unknown }
  | { type: "completed"; value: unknown; duration: number; averageDuration: number }
  | { type: "failed"; error: unknown; duration: number }
  | { type: "cancelled" };

/** A unit of work handed to the queue. */
export interface Task {
  /** Tasks sharing a concurrency id share one limit. */
  concurrencyId: string;
  /** How many tasks of this concurrency id may run at once; `null` = unlimited. */
  concurrencyLimit: number | null;
  /** Starts the work; returns a value, a promise, or a (sync or async) generator. */
  start(signal: AbortSignal): unknown;
  /** Receives the job's events. Must not throw. */
  onEvent(event: JobEvent): void;
}

/** A task in the queue, waiting or running. */
export interface Job {
  readonly id: string;
  readonly task: Task;
  /** Aborts the job: removes it if waiting, aborts its signal if running. Idempotent. */
  cancel(): void;
}

/** Raised by {@link Queue.push} when `maxSize` jobs are already waiting. */
export class QueueFullError extends Error {
  constructor(maxSize: number) {
    super(`Queue is full (${maxSize} events waiting). Try again later.`);
    this.name = "QueueFullError";
  }
}

/** Queue settings. */
export interface QueueOptions {
  /** Most jobs waiting (not running) at once; `null` = unlimited. */
  maxSize?: number | null;
}

interface Group {
  limit: number;
  running: number;
}

interface Entry extends Job {
  controller: AbortController;
  state: "waiting" | "running" | "done";
}

let nextJobId = 0;

/**
 * The in-memory job queue: first come, first served, except that a job whose concurrency
 * group is full lets later jobs of other groups pass it.
 */
export class Queue {
  private readonly waiting: Entry[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly durations = new Map<string, { total: number; count: number }>();
  private readonly maxSize: number | null;

  constructor(options: QueueOptions = {}) {
    this.maxSize = options.maxSize ?? null;
  }

  /** Number of jobs waiting to start. */
  get size(): number {
    return this.waiting.length;
  }

  /** Adds a task; throws {@link QueueFullError} when the queue is at `maxSize`. */
  push(task: Task): Job {
    if (this.maxSize !== null && this.waiting.length >= this.maxSize) throw new QueueFullError(this.maxSize);
    const controller = new AbortController();
    const entry: Entry = {
      id: (++nextJobId).toString(36) + Math.random().toString(36).slice(2, 10),
      task,
      controller,
      state: "waiting",
      cancel: () => this.cancel(entry),
    };
    const group = this.group(task);
    group.limit = Math.min(group.limit, task.concurrencyLimit ?? Infinity);
    this.waiting.push(entry);
    task.onEvent({ type: "estimation", rank: this.waiting.length - 1, queueSize: this.waiting.length, rankEta: null });
    this.pump();
    return entry;
  }

  private group(task: Task): Group {
    let group = this.groups.get(task.concurrencyId);
    if (!group) {
      group = { limit: task.concurrencyLimit ?? Infinity, running: 0 };
      this.groups.set(task.concurrencyId, group);
    }
    return group;
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const entry = this.waiting[i]!;
      const group = this.group(entry.task);
      if (group.running < group.limit) {
        this.waiting.splice(i, 1);
        this.start(entry, group);
      } else {
        i++;
      }
    }
  }

  private start(entry: Entry, group: Group): void {
    entry.state = "running";
    group.running++;
    const { task, controller } = entry;
    const began = performance.now();
    task.onEvent({ type: "started", eta: this.averageDuration(task.concurrencyId) });
    const finish = (event: JobEvent): void => {
      if (entry.state !== "running") return;
      entry.state = "done";
      group.running--;
      task.onEvent(event);
      this.pump();
    };
    void (async () => {
      try {
        const result = task.start(controller.signal);
        const value = await drive(result, controller.signal, (v) => {
          if (entry.state === "running") task.onEvent({ type: "output", value: v });
        });
        const duration = (performance.now() - began) / 1000;
        finish({ type: "completed", value, duration, averageDuration: this.record(task.concurrencyId, duration) });
      } catch (error) {
        if (error instanceof CancelledError || controller.signal.aborted) return;
        finish({ type: "failed", error, duration: (performance.now() - began) / 1000 });
      }
    })();
  }

  private cancel(entry: Entry): void {
    if (entry.state === "done") return;
    if (entry.state === "waiting") {
      this.waiting.splice(this.waiting.indexOf(entry), 1);
      entry.state = "done";
      entry.controller.abort();
      entry.task.onEvent({ type: "cancelled" });
      return;
    }
    // Running: abort the function and free its slot at once; late results are ignored.
    entry.state = "done";
    this.group(entry.task).running--;
    entry.controller.abort();
    entry.task.onEvent({ type: "cancelled" });
    this.pump();
  }

  private record(id: string, duration: number): number {
    const d = this.durations.get(id) ?? { total: 0, count: 0 };
    d.total += duration;
    d.count++;
    this.durations.set(id, d);
    return d.total / d.count;
  }

  private averageDuration(id: string): number | null {
    const d = this.durations.get(id);
    return d ? d.total / d.count : null;
  }
}
