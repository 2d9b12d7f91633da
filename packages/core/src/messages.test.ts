import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { Info, Warning, logEntry, setLogSink, type LogEntry } from "./index.js";

describe("Info and Warning", () => {
  afterEach(() => {
    setLogSink(null);
    jest.restoreAllMocks();
  });

  it("fill in Gradio's defaults", () => {
    expect(logEntry("info", "hi")).toEqual({ level: "info", message: "hi", title: "", duration: 10, visible: true });
    expect(logEntry("warning", "w", { duration: null, visible: false, title: "T" })).toEqual({
      level: "warning",
      message: "w",
      title: "T",
      duration: null,
      visible: false,
    });
  });

  it("go to the installed sink when it takes them", () => {
    const got: LogEntry[] = [];
    setLogSink((entry) => {
      got.push(entry);
      return true;
    });
    Info("one");
    Warning("two", { duration: 3 });
    expect(got.map((e) => [e.level, e.message, e.duration])).toEqual([
      ["info", "one", 10],
      ["warning", "two", 3],
    ]);
  });

  it("print to the console with no sink, or when the sink declines (outside an event)", () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => undefined);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    Info("loose");
    setLogSink(() => false);
    Warning("declined", { title: "Heads up" });
    expect(info).toHaveBeenCalledWith("[vitrine] Info: loose");
    expect(warn).toHaveBeenCalledWith("[vitrine] Warning: Heads up: declined");
  });

  it("returns the previous sink when a new one is installed", () => {
    const first = () => true;
    expect(setLogSink(first)).toBeNull();
    expect(setLogSink(null)).toBe(first);
  });
});
