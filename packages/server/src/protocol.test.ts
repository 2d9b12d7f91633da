import { describe, expect, it } from "@jest/globals";
import { completedFrame, estimationFrame, estimationTemplate, frame, generatingFrame, messages, startsFrame } from "./protocol.js";

describe("framing", () => {
  it("builds process_generating around the data with the same bytes as the full message", () => {
    for (const data of [["text"], [[["append", [], " more \"quoted\"\n"]]], [{ __type__: "update", value: 1 }, null]]) {
      expect(generatingFrame("0f3a", data)).toBe(frame(messages.processGenerating("0f3a", data)));
    }
  });

  it("builds estimation, process_starts and process_completed from templates with the same bytes", () => {
    for (const eta of [null, 0, 1.25, NaN]) {
      expect(estimationFrame("ab12", 3, 7, eta)).toBe(frame(messages.estimation("ab12", 3, 7, eta)));
      expect(startsFrame("ab12", eta)).toBe(frame(messages.processStarts("ab12", eta)));
    }
    for (const data of [["x"], [{ __type__: "update", label: "y" }, 3, null], []]) {
      expect(completedFrame("ab12", data, 0.0123, 1e-7)).toBe(frame(messages.processCompleted("ab12", data, 0.0123, 1e-7)));
    }
  });

  it("gives an estimation template that, filled in, is the estimation frame", () => {
    for (const [rank, size, eta, etaText] of [[0, 1, null, "null"], [4, 9, 2.5, "2.5"]] as const) {
      const filled = estimationTemplate("ab12").replace("{rank}", String(rank)).replace("{queue_size}", String(size)).replace("{rank_eta}", etaText);
      expect(filled).toBe(estimationFrame("ab12", rank, size, eta));
    }
  });

  it("frames a message as one data line and a blank line", () => {
    expect(frame(messages.closeStream())).toBe('data: {"msg":"close_stream","event_id":null}\n\n');
  });
});
