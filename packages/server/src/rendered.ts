import type { Block, Dependency, RenderedRegion } from "@vitrine/core";

/**
 * The `vt.render` regions each session has built: their listeners are what later calls of
 * that session's rendered `fn_index`es run. A rebuild replaces the region's previous run; a
 * session's regions go when the session ends ({@link RenderedStore.drop}).
 */
export class RenderedStore {
  /** The latest run of each render block, by render id, per session. */
  private readonly sessions = new Map<string, Map<number, RenderedRegion>>();
  private nextFnIndex: number;

  constructor(firstFnIndex: number) {
    this.nextFnIndex = firstFnIndex;
  }

  /** A new `fn_index` for a rendered listener, never given out before. */
  allocate = (): number => this.nextFnIndex++;

  /** Keeps a session's new run of a region, replacing the previous one. */
  keep(sessionHash: string, region: RenderedRegion): void {
    let regions = this.sessions.get(sessionHash);
    if (!regions) {
      regions = new Map();
      this.sessions.set(sessionHash, regions);
    }
    regions.set(region.owner.id, region);
  }

  /** The rendered listener with this `fn_index` in this session, if any. */
  dependency(sessionHash: string, fnIndex: number): Dependency | undefined {
    for (const region of this.sessions.get(sessionHash)?.values() ?? []) {
      const dep = region.dependencies.get(fnIndex);
      if (dep) return dep;
    }
    return undefined;
  }

  /** The block with this id in one of this session's regions, if any (for component-server calls). */
  block(sessionHash: string, id: number): Block | undefined {
    for (const region of this.sessions.get(sessionHash)?.values() ?? []) {
      const found = region.blocks().find((b) => b.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Forgets a session's regions (it ended). */
  drop(sessionHash: string): void {
    this.sessions.delete(sessionHash);
  }

  /** Number of sessions with kept regions. */
  get size(): number {
    return this.sessions.size;
  }

  close(): void {
    this.sessions.clear();
  }
}
