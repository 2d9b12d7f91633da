/** Work an app does once before it serves: caching examples, warming a model, … */
export type StartTask = () => Promise<void> | void;

/** A start task failed: the app cannot serve as built. Its `cause` is what the task threw. */
export class StartupError extends Error {
  /** Names the error in stack traces and logs. */
  override readonly name = "StartupError";
}

/**
 * An app's start tasks, run one after the other, in the order they were added, at most once
 * each. `launch()` awaits {@link StartupTasks.run} before it listens; `mount()` starts it in
 * the background. Core does no I/O: it only keeps and runs the tasks.
 */
export class StartupTasks {
  private readonly tasks: StartTask[] = [];
  private next = 0;
  private running: Promise<void> | null = null;
  private failed = false;

  /** Adds a task. One added after the tasks ran runs at the next {@link StartupTasks.run}. */
  add(task: StartTask): void {
    if (typeof task !== "function") throw new TypeError("onStart takes a function (() => void | Promise<void>)");
    this.tasks.push(task);
  }

  /** How many tasks were added. */
  get size(): number {
    return this.tasks.length;
  }

  /**
   * Runs the tasks not yet run. Calls while they run share one promise; once a task has
   * failed, every call rejects with the same {@link StartupError}.
   */
  run(): Promise<void> {
    if (this.running && (this.failed || this.next >= this.tasks.length)) return this.running;
    const previous = this.running ?? Promise.resolve();
    this.running = previous.then(() => this.drain());
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.next < this.tasks.length) {
      const index = this.next++;
      try {
        await this.tasks[index]!();
      } catch (err) {
        this.failed = true;
        const reason = err instanceof Error ? err.message : String(err);
        throw new StartupError(`The app could not start: ${reason}`, { cause: err });
      }
    }
  }
}
