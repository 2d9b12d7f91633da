/**
 * Reading and writing DateTime text, with no dependency: the wire form is the wall-clock text
 * `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD` without time) in a time zone, as in Gradio; relative
 * values (`now`, `now - 1d`, `now - 2h30m`) count back from an injectable "now".
 * Shared by the server side and the view (it uses only `Intl`).
 */

/** Options for reading and formatting. */
export interface DateTimeFormatOptions {
  /** Whether the text carries a time (`YYYY-MM-DD HH:MM:SS`) or only a date (`YYYY-MM-DD`). */
  includeTime: boolean;
  /** IANA time zone the text is read and written in; the process's local zone when null. */
  timezone?: string | null;
}

/** What the text of a DateTime may look like, for messages. */
export function expectedForm(includeTime: boolean): string {
  return `${includeTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD"}, or a relative time such as "now", "now - 1d" or "now - 2h30m"`;
}

const absolute = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const relative = /^now\s*(?:([-+])\s*((?:\d+\s*[wdhms]\s*)+))?$/i;
const unitSeconds: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** Whether `text` is a relative value (`now`, `now - 1d`, `now - 2h30m`, `now + 1w`). */
export function isRelative(text: string): boolean {
  return relative.test(text.trim());
}

/** Throws a RangeError naming the zone when `timezone` is not an IANA time zone. */
export function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
  } catch {
    throw new RangeError(`"${timezone}" is not an IANA time zone (such as "Europe/Paris" or "UTC")`);
  }
}

/** The wall-clock fields of `instant` in `timezone` (local when null). */
function wallClock(instant: Date, timezone: string | null | undefined): number[] {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: timezone ?? undefined,
    hourCycle: "h23",
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return [get("year"), get("month"), get("day"), get("hour"), get("minute"), get("second")];
}

/** `instant` as `YYYY-MM-DD HH:MM:SS` (or `YYYY-MM-DD`) in the zone. */
export function formatDateTime(instant: Date, options: DateTimeFormatOptions): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("an invalid Date cannot be formatted");
  const [y, mo, d, h, mi, s] = wallClock(instant, options.timezone).map((n, i) => String(n).padStart(i === 0 ? 4 : 2, "0"));
  return options.includeTime ? `${y}-${mo}-${d} ${h}:${mi}:${s}` : `${y}-${mo}-${d}`;
}

/**
 * The instant whose wall clock in `timezone` reads the given fields. A time that happens twice
 * (the night clocks go back) reads as standard time, as pytz's `localize` does in Gradio.
 */
function fromWallClock(fields: number[], timezone: string | null | undefined): Date {
  const [y, mo, d, h, mi, s] = fields as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Two rounds of "guess, see how far the zone's clock is off, correct" settle DST edges.
  let guess = asUtc;
  for (let round = 0; round < 2; round++) {
    const [gy, gmo, gd, gh, gmi, gs] = wallClock(new Date(guess), timezone) as [number, number, number, number, number, number];
    guess += asUtc - Date.UTC(gy, gmo - 1, gd, gh, gmi, gs);
  }
  // In an overlap the same reading also comes an hour later: take that one (standard time).
  const later = guess + 3_600_000;
  const [ly, lmo, ld, lh, lmi, ls] = wallClock(new Date(later), timezone) as [number, number, number, number, number, number];
  return new Date(Date.UTC(ly, lmo - 1, ld, lh, lmi, ls) === asUtc ? later : guess);
}

/**
 * Reads DateTime text: an absolute `YYYY-MM-DD[ HH:MM[:SS]]` (a `T` between date and time is
 * accepted too) in the zone, or a relative value counted back (or forward) from `now`.
 * Throws a RangeError saying what was expected when the text is neither, or names a day
 * that does not exist (2024-02-30).
 */
export function parseDateTime(text: string, options: DateTimeFormatOptions & { now: Date }): Date {
  const trimmed = text.trim();
  const rel = relative.exec(trimmed);
  if (rel) {
    let seconds = 0;
    for (const [, amount, unit] of (rel[2] ?? "").matchAll(/(\d+)\s*([wdhms])/gi)) {
      seconds += Number(amount) * unitSeconds[unit!.toLowerCase()]!;
    }
    return new Date(options.now.getTime() + (rel[1] === "+" ? 1 : -1) * seconds * 1000);
  }
  const abs = absolute.exec(trimmed);
  if (!abs) throw new RangeError(`${JSON.stringify(text)} is not a date; expected ${expectedForm(options.includeTime)}`);
  const fields = abs.slice(1, 7).map((f) => (f === undefined ? 0 : Number(f)));
  const [y, mo, d, h, mi, s] = fields as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new RangeError(`${JSON.stringify(text)} is not a real date or time; expected ${expectedForm(options.includeTime)}`);
  }
  return fromWallClock(fields, options.timezone);
}
