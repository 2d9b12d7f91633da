/**
 * A single-consumer async queue: the producer pushes items and finally closes it; the one
 * consumer iterates it with `for await`. Items pushed before iteration starts are kept.
 * Leaving the loop early (`break`) detaches the consumer: later items are dropped.
 */
export class Channel<T> implements AsyncIterable<T> {
  #items: T[] = [];
  #waiter: ((result: IteratorResult<T>) => void) | null = null;
  #closed = false;
  #detached = false;
  #taken = false;

  /** Queues an item, or hands it straight to a waiting consumer. Ignored once closed. */
  push(item: T): void {
    if (this.#closed || this.#detached) return;
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = null;
      waiter({ value: item, done: false });
    } else {
      this.#items.push(item);
    }
  }

  /** Ends the iteration once the queued items have been consumed. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = null;
      waiter({ value: undefined, done: true });
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#taken) throw new Error("A job can be iterated only once.");
    this.#taken = true;
    return {
      next: (): Promise<IteratorResult<T>> => {
        if (this.#items.length > 0) return Promise.resolve({ value: this.#items.shift()!, done: false });
        if (this.#closed || this.#detached) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.#waiter = resolve;
        });
      },
      return: (): Promise<IteratorResult<T>> => {
        this.#detached = true;
        this.#items = [];
        const waiter = this.#waiter;
        if (waiter) {
          this.#waiter = null;
          waiter({ value: undefined, done: true });
        }
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
