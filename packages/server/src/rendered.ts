import type { Dependency, RenderedRegion } from "@vitrine/core";

/** How long a session's rendered regions are kept after its last use (no heartbeat needed). */
export const RENDERED_IDLE_MS = 60 * 60 * 1000;
/** How long they are kept after the session's page closed (its heartbeat stream ended), in case it reconnects. */
export const RENDERED_AFTER_CLOSE_MS = 60 * 1000;

interface SessionRegions {
  /** The latest run of each render block, by render id. */
  regions: Map<number, RenderedRegion>;
  lastUsed: number;
  /** When to drop them, once the page closed. */
  closesAt: number | null;
}

/**
 * The `vt.render` regions each session has built: their listeners are what later calls of
 * that session's rendered `fn_index`es run. A rebuild replaces the region's previous run;
 * regions of a session go when its page closes (after a grace period) or after an hour unused.
 */
export class RenderedStore {
  private readonly sessions = new Map<string, SessionRegions>();
  private nextFnIndex: number;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    firstFnIndex: number,
    private readonly now: () => number = Date.now,
  ) {
    this.nextFnIndex = firstFnIndex;
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** A new `fn_index` for a rendered listener, never given out before. */
  allocate = (): number => this.nextFnIndex++;

  /** Keeps a session's new run of a region, replacing the previous one. */
  keep(sessionHash: string, region: RenderedRegion): void {
    let entry = this.sessions.get(sessionHash);
    if (!entry) {
      entry = { regions: new Map(), lastUsed: this.now(), closesAt: null };
      this.sessions.set(sessionHash, entry);
    }
    entry.regions.set(region.owner.id, region);
    entry.lastUsed = this.now();
    entry.closesAt = null;
  }

  /** The rendered listener with this `fn_index` in this session, if any. */
  dependency(sessionHash: string, fnIndex: number): Dependency | undefined {
    const entry = this.sessions.get(sessionHash);
    if (!entry) return undefined;
    for (const region of entry.regions.values()) {
      const dep = region.dependencies.get(fnIndex);
      if (dep) {
        entry.lastUsed = this.now();
        return dep;
      }
    }
    return undefined;
  }

  /** The session's page closed: drop its regions after a grace period unless it comes back. */
  closed(sessionHash: string): void {
    const entry = this.sessions.get(sessionHash);
    if (entry) entry.closesAt = this.now() + RENDERED_AFTER_CLOSE_MS;
  }

  /** The session's page is (again) open. */
  opened(sessionHash: string): void {
    const entry = this.sessions.get(sessionHash);
    if (entry) entry.closesAt = null;
  }

  /** Number of sessions with kept regions. */
  get size(): number {
    return this.sessions.size;
  }

  /** Drops the regions of closed and long-unused sessions. */
  sweep(): void {
    const now = this.now();
    for (const [hash, entry] of this.sessions) {
      if ((entry.closesAt !== null && now >= entry.closesAt) || now - entry.lastUsed >= RENDERED_IDLE_MS) {
        this.sessions.delete(hash);
      }
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sessions.clear();
  }
}
