/**
 * Keeps a large upload from growing the server's memory. Node allocates a fresh buffer for every
 * read from a socket (64 kB on loopback), and the upload code lets go of each one at once; but
 * V8 only frees them at its next collection, which the few small objects an upload makes do not
 * trigger before some 30 MB of dead buffers pile up (measured: a 200 MB upload drained with
 * nothing else in the pipeline grew RSS by 37 MB). A young-generation collection (a scavenge,
 * well under a millisecond with no live buffers to copy) after every megabyte read frees them
 * while they are few: the upload bench's 200 MB upload went from +30 to +33 MB of RSS to +0 to
 * +2 MB (+2 to +8 MB with one every 4 MB), at the same speed.
 *
 * The scavenge is reached through V8's `gc` function, taken once from a fresh context while
 * `--expose-gc` is switched on for a moment; the page's global object never gets it. Where that
 * is not possible, {@link ByteReclaimer.add} does nothing.
 */
import v8 from "node:v8";
import vm from "node:vm";

type GcFunction = (options?: { type?: "minor" | "major"; execution?: "sync" | "async" }) => void;

let cached: GcFunction | null | undefined;

/** V8's `gc` function, or null when it cannot be had. */
function gcFunction(): GcFunction | null {
  if (cached !== undefined) return cached;
  const own = (globalThis as { gc?: GcFunction }).gc;
  if (typeof own === "function") return (cached = own);
  try {
    v8.setFlagsFromString("--expose-gc");
    const fn = vm.runInNewContext("gc") as unknown;
    cached = typeof fn === "function" ? (fn as GcFunction) : null;
  } catch {
    cached = null;
  } finally {
    // Contexts made from now on get no `gc` again.
    v8.setFlagsFromString("--no-expose-gc");
  }
  return cached;
}

/** Bytes read between two scavenges: small enough to keep RSS flat, large enough to cost nothing. */
export const RECLAIM_EVERY = 1024 * 1024;

/** Counts bytes read from sockets and runs a young-generation collection after every {@link RECLAIM_EVERY}. */
export class ByteReclaimer {
  private pending = 0;

  constructor(
    private readonly every = RECLAIM_EVERY,
    private readonly gc: GcFunction | null = process.env.VITRINE_UPLOAD_RECLAIM === "0" ? null : gcFunction(),
  ) {}

  /** Whether collections run (V8's `gc` was available). */
  get active(): boolean {
    return this.gc !== null;
  }

  /** Notes `bytes` more bytes read; collects when enough have been. */
  add(bytes: number): void {
    if (this.gc === null) return;
    this.pending += bytes;
    if (this.pending < this.every) return;
    this.pending = 0;
    this.gc({ type: "minor" });
  }
}
