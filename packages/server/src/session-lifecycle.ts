/**
 * When a session ends. A session starts with its first event or live channel (a page's
 * heartbeat); it ends when its last live channel has been closed for `closeGraceMs` (a reload
 * or a brief network loss within that time keeps it), or, for clients with no live channel,
 * once it has been unused for `idleMs`. Ending runs the callback the service gives (State's
 * `delete_callback`s, `unload` listeners, freeing the session's memory).
 */
export interface SessionLifecycleOptions {
  /** How long a session outlives its last live channel, in ms. */
  closeGraceMs: number;
  /** How long a session with no live channel lives after its last use, in ms. */
  idleMs: number;
  /** How often idle sessions are looked for, in ms (default a minute, or `idleMs` if shorter). */
  sweepMs?: number;
  now?: () => number;
}

interface Entry {
  channels: number;
  lastUsed: number;
  grace: NodeJS.Timeout | null;
}

export class SessionLifecycle {
  private readonly sessions = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(
    private readonly options: SessionLifecycleOptions,
    private readonly onEnd: (sessionHash: string) => void,
  ) {
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), options.sweepMs ?? Math.min(60_000, options.idleMs));
    this.sweeper.unref();
  }

  private entry(hash: string): Entry {
    let entry = this.sessions.get(hash);
    if (!entry) {
      entry = { channels: 0, lastUsed: this.now(), grace: null };
      this.sessions.set(hash, entry);
    }
    return entry;
  }

  /** The session did something (an event): it starts if new, and its idle clock restarts. */
  touch(hash: string): void {
    this.entry(hash).lastUsed = this.now();
  }

  /** A live channel of the session opened. */
  opened(hash: string): void {
    const entry = this.entry(hash);
    entry.channels++;
    entry.lastUsed = this.now();
    if (entry.grace) clearTimeout(entry.grace);
    entry.grace = null;
  }

  /** A live channel of the session closed: with none left, the session ends after the grace period. */
  closed(hash: string): void {
    const entry = this.sessions.get(hash);
    if (!entry) return;
    entry.channels = Math.max(0, entry.channels - 1);
    entry.lastUsed = this.now();
    if (entry.channels > 0 || entry.grace) return;
    entry.grace = setTimeout(() => this.end(hash), this.options.closeGraceMs);
    entry.grace.unref();
  }

  /** Ends a session now. */
  end(hash: string): void {
    const entry = this.sessions.get(hash);
    if (!entry) return;
    if (entry.grace) clearTimeout(entry.grace);
    this.sessions.delete(hash);
    this.onEnd(hash);
  }

  /** Whether the session has started and not ended. */
  has(hash: string): boolean {
    return this.sessions.has(hash);
  }

  /** Live sessions. */
  get size(): number {
    return this.sessions.size;
  }

  /** Ends the sessions with no live channel that went unused for `idleMs`. */
  sweep(): void {
    const now = this.now();
    for (const [hash, entry] of this.sessions) {
      if (entry.channels === 0 && !entry.grace && now - entry.lastUsed >= this.options.idleMs) this.end(hash);
    }
  }

  /** Stops the timers (server shutdown); sessions are not ended. */
  close(): void {
    clearInterval(this.sweeper);
    for (const entry of this.sessions.values()) if (entry.grace) clearTimeout(entry.grace);
    this.sessions.clear();
  }
}
