import { describe, expect, it } from "@jest/globals";
import { Blocks, VitrineError, isUserError } from "@vitrine/core";
import { DateTime, DateTimeComponent, dateTimeEvents, formatDateTime, parseDateTime } from "./index.js";

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected a throw");
}

/** 2024-03-15 12:00:00 UTC, the fixed "now" of these tests. */
const NOW = new Date(Date.UTC(2024, 2, 15, 12, 0, 0));

function pinned<T extends "timestamp" | "datetime" | "string">(d: DateTimeComponent<T>): DateTimeComponent<T> {
  d.now = () => NOW;
  return d;
}

describe("DateTime", () => {
  it("reads text in the time zone and gives seconds by default", () => {
    const utc = DateTime({ timezone: "UTC" });
    expect(utc.preprocess("2024-03-15 12:00:00")).toBe(NOW.getTime() / 1000);
    // Paris is UTC+1 in winter, UTC+2 in summer.
    const paris = DateTime({ timezone: "Europe/Paris" });
    expect(paris.preprocess("2024-01-10 09:30:00")).toBe(Date.UTC(2024, 0, 10, 8, 30) / 1000);
    expect(paris.preprocess("2024-07-10 09:30:00")).toBe(Date.UTC(2024, 6, 10, 7, 30) / 1000);
    expect(DateTime({ timezone: "America/New_York" }).preprocess("2024-07-10 09:30:00")).toBe(Date.UTC(2024, 6, 10, 13, 30) / 1000);
    // Seconds and the T separator are optional.
    expect(utc.preprocess("2024-03-15T12:00")).toBe(NOW.getTime() / 1000);
    expect(utc.preprocess("")).toBeNull();
    expect(utc.preprocess(null)).toBeNull();
  });

  it("gives a Date with type 'datetime' and formatted text with type 'string'", () => {
    const asDate = DateTime({ type: "datetime", timezone: "Asia/Tokyo" });
    const d = asDate.preprocess("2024-03-15 21:00:00");
    expect(d).toBeInstanceOf(Date);
    expect(d!.toISOString()).toBe("2024-03-15T12:00:00.000Z");
    const asText = DateTime({ type: "string", timezone: "UTC" });
    expect(asText.preprocess("2024-03-15T08:05")).toBe("2024-03-15 08:05:00");
  });

  it("resolves relative values against an injectable now", () => {
    const d = pinned(DateTime({ type: "datetime", timezone: "UTC" }));
    expect(d.preprocess("now")!.toISOString()).toBe("2024-03-15T12:00:00.000Z");
    expect(d.preprocess("now - 1d")!.toISOString()).toBe("2024-03-14T12:00:00.000Z");
    expect(d.preprocess("now - 2h30m")!.toISOString()).toBe("2024-03-15T09:30:00.000Z");
    expect(d.preprocess("  NOW-45s ")!.toISOString()).toBe("2024-03-15T11:59:15.000Z");
    expect(d.preprocess("now - 1w")!.toISOString()).toBe("2024-03-08T12:00:00.000Z");
    expect(d.preprocess("now + 1h")!.toISOString()).toBe("2024-03-15T13:00:00.000Z");
    const s = pinned(DateTime({ type: "string", timezone: "Europe/Paris" }));
    expect(s.preprocess("now - 1d")).toBe("2024-03-14 13:00:00");
    const t = pinned(DateTime({ timezone: "UTC" }));
    expect(t.preprocess("now - 1m")).toBe(NOW.getTime() / 1000 - 60);
  });

  it("keeps only the date with include_time false", () => {
    const d = pinned(DateTime({ include_time: false, type: "string", timezone: "Europe/Paris" }));
    expect(d.preprocess("2024-03-15")).toBe("2024-03-15");
    expect(d.preprocess("now - 1d")).toBe("2024-03-14");
    expect(d.postprocess(new Date(Date.UTC(2024, 2, 15, 23, 30)))).toBe("2024-03-16"); // already the 16th in Paris
    const ts = DateTime({ include_time: false, timezone: "UTC" });
    expect(ts.preprocess("2024-03-15")).toBe(Date.UTC(2024, 2, 15) / 1000);
    expect(ts.api().type).toEqual({ type: "string", description: "Formatted as YYYY-MM-DD" });
    expect(ts.exampleInput()).toBe("2020-10-01");
  });

  it("formats what the function returns in the time zone", () => {
    const d = DateTime({ timezone: "Europe/Paris" });
    expect(d.postprocess(NOW)).toBe("2024-03-15 13:00:00");
    expect(d.postprocess(NOW.getTime() / 1000)).toBe("2024-03-15 13:00:00");
    expect(d.postprocess("2024-03-15T13:00")).toBe("2024-03-15 13:00:00");
    expect(d.postprocess("now - 1d")).toBe("now - 1d");
    expect(d.postprocess(null)).toBeNull();
    expect(DateTime({ timezone: "America/Los_Angeles" }).postprocess(NOW)).toBe("2024-03-15 05:00:00");
    // A round trip keeps the instant across a DST change.
    const back = DateTime({ timezone: "Europe/Paris", type: "datetime" });
    for (const instant of [Date.UTC(2024, 2, 31, 1, 30), Date.UTC(2024, 9, 27, 2, 30)]) {
      expect(back.preprocess(back.postprocess(new Date(instant)))!.getTime()).toBe(instant);
    }
    // 02:30 happens twice the night clocks go back: it reads as standard time (CET), as pytz does.
    expect(back.preprocess("2024-10-27 02:30:00")!.toISOString()).toBe("2024-10-27T01:30:00.000Z");
    const ny = DateTime({ timezone: "America/New_York", type: "datetime" });
    expect(ny.preprocess("2024-11-03 01:30:00")!.toISOString()).toBe("2024-11-03T06:30:00.000Z"); // EST, not EDT
  });

  it("refuses bad input with clear messages", () => {
    const d = DateTime({ label: "Start", timezone: "UTC" });
    const bad = thrown(() => d.preprocess("yesterday"));
    expect(bad).toBeInstanceOf(VitrineError);
    expect(isUserError(bad)).toBe(true);
    expect(bad.message).toBe(
      'DateTime "Start": "yesterday" is not a date; expected YYYY-MM-DD HH:MM:SS, or a relative time such as "now", "now - 1d" or "now - 2h30m"',
    );
    expect(thrown(() => d.preprocess("2024-02-30 10:00:00")).message).toMatch(/"2024-02-30 10:00:00" is not a real date or time/);
    expect(thrown(() => d.preprocess("2024-03-15 24:00:00")).message).toMatch(/is not a real date or time/);
    expect(thrown(() => d.preprocess("now - 1y")).message).toMatch(/"now - 1y" is not a date/);
    expect(thrown(() => d.postprocess(Number.NaN))).toBeInstanceOf(VitrineError);
    expect(thrown(() => d.postprocess(new Date("nope"))).message).toBe('DateTime "Start": the Date is invalid');
    expect(thrown(() => DateTime({ timezone: "Mars/Olympus" })).message).toBe(
      '"Mars/Olympus" is not an IANA time zone (such as "Europe/Paris" or "UTC")',
    );
    expect(() => DateTime({ type: "iso" as "string" })).toThrow(TypeError);
    expect(() => DateTime({ value: "soon" })).toThrow(VitrineError);
  });

  it("exposes the pure helpers", () => {
    expect(formatDateTime(NOW, { includeTime: true, timezone: "Asia/Kolkata" })).toBe("2024-03-15 17:30:00");
    expect(parseDateTime("2024-03-15 17:30:00", { includeTime: true, timezone: "Asia/Kolkata", now: NOW }).getTime()).toBe(NOW.getTime());
  });

  it("serializes into the config and types the function", () => {
    expect([...dateTimeEvents]).toEqual(["change", "submit"]);
    let start!: DateTimeComponent<"datetime">;
    const app = Blocks(() => {
      start = DateTime({ label: "Start", type: "datetime", timezone: "UTC", value: NOW });
      const out = DateTime({ label: "Later", timezone: "UTC" });
      start.change({ fn: (d: Date | null) => (d ? d.getTime() / 1000 + 3600 : null), inputs: [start], outputs: [out] });
    });
    const config = app.config().components.find((c) => c.id === start.id)!;
    expect(config.type).toBe("datetime");
    expect(config.props).toMatchObject({ value: "2024-03-15 12:00:00", include_time: true, type: "datetime", timezone: "UTC", label: "Start" });
    expect(config.api_info).toEqual({ type: "string", description: "Formatted as YYYY-MM-DD HH:MM:SS" });
    const out = app.dependencies[0]!.fn!(start.preprocess("2024-03-15 12:00:00"));
    expect(out).toBe(NOW.getTime() / 1000 + 3600);
  });
});
