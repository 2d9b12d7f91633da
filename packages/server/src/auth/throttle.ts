/**
 * Failed logins slow down, per client address: after a few failures, each further attempt from
 * that address must wait a delay that doubles with every failure (up to a cap). Other clients
 * are never affected, and a success clears the address's count.
 */

/** How the throttle counts. */
export interface ThrottleOptions {
  /** Failures allowed before any wait. Default 3. */
  freeFailures?: number;
  /** Wait after the first failure past the free ones, in ms; it doubles with each failure. Default 1000. */
  baseDelayMs?: number;
  /** Longest wait, in ms. Default 60000. */
  maxDelayMs?: number;
  /** Addresses remembered at most (the oldest are forgotten first). Default 10000. */
  maxClients?: number;
  /** A client's failures are forgotten this long after its last one, in ms. Default 15 minutes. */
  forgetAfterMs?: number;
  /** The clock (tests). */
  now?: () => number;
}

interface Record {
  failures: number;
  /** When the next attempt is allowed (ms since epoch). */
  nextAt: number;
  last: number;
}

/** Counts failed logins per client address and says how long each must wait. */
export class LoginThrottle {
  private readonly clients = new Map<string, Record>();
  private readonly free: number;
  private readonly base: number;
  private readonly max: number;
  private readonly maxClients: number;
  private readonly forget: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.free = options.freeFailures ?? 3;
    this.base = options.baseDelayMs ?? 1000;
    this.max = options.maxDelayMs ?? 60_000;
    this.maxClients = options.maxClients ?? 10_000;
    this.forget = options.forgetAfterMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds this client must still wait before its next attempt (0: it may try now). */
  wait(client: string): number {
    const record = this.clients.get(client);
    if (!record) return 0;
    const now = this.now();
    if (now - record.last > this.forget) {
      this.clients.delete(client);
      return 0;
    }
    return Math.max(0, record.nextAt - now);
  }

  /** Records a failed attempt; returns the wait it imposes on the next one, in ms. */
  failed(client: string): number {
    const now = this.now();
    let record = this.clients.get(client);
    if (!record || now - record.last > this.forget) record = { failures: 0, nextAt: 0, last: now };
    this.clients.delete(client); // re-inserted: the map keeps the most recent last
    record.failures++;
    record.last = now;
    const over = record.failures - this.free;
    const delay = over <= 0 ? 0 : Math.min(this.max, this.base * 2 ** Math.min(over - 1, 30));
    record.nextAt = now + delay;
    this.clients.set(client, record);
    while (this.clients.size > this.maxClients) this.clients.delete(this.clients.keys().next().value!);
    return delay;
  }

  /** A successful login clears the client's failures. */
  succeeded(client: string): void {
    this.clients.delete(client);
  }
}
