import * as vt from "vitrine";

/** One day, in seconds. */
const DAY = 86_400;

/** The inverse of a `#rrggbb` colour. */
function inverse(hex: string): string {
  return `#${(0xffffff - parseInt(hex.slice(1), 16)).toString(16).padStart(6, "0")}`;
}

/**
 * ColorPicker and DateTime as inputs and outputs: the colour comes back inverted, the meeting
 * (read in Paris, given as a `Date`) comes back a day later in UTC, and the deadline (a date only,
 * given as seconds) a week later; a text says what the function received.
 */
export function pickers() {
  return new vt.Interface({
    fn: (colour: string, meeting: Date | null, deadline: number | null) => {
      if (meeting === null) throw new vt.Error("Pick a meeting time");
      const received = `colour ${colour} (${typeof colour}); meeting ${meeting.toISOString()} (${meeting instanceof Date ? "Date" : typeof meeting}); deadline ${deadline} (${typeof deadline})`;
      return [inverse(colour), new Date(meeting.getTime() + DAY * 1000), deadline === null ? null : deadline + 7 * DAY, received] as const;
    },
    inputs: [
      vt.ColorPicker({ label: "colour", value: "#ff8800", info: "Any colour: #rrggbb, #rgb or rgb(r, g, b)" }),
      vt.DateTime({ label: "meeting", type: "datetime", timezone: "Europe/Paris", value: "now" }),
      vt.DateTime({ label: "deadline", include_time: false, timezone: "UTC", value: "2024-03-15" }),
    ],
    outputs: [
      vt.ColorPicker({ label: "inverse" }),
      vt.DateTime({ label: "a day later (UTC)", timezone: "UTC" }),
      vt.DateTime({ label: "a week after the deadline", include_time: false, timezone: "UTC" }),
      vt.Textbox({ label: "received" }),
    ],
    title: "Pickers",
    examples: [
      ["#1e90ff", "2024-03-15 09:30:00", "2024-04-01"],
      ["#0a0", "now - 2h30m", "2024-12-24"],
    ],
  });
}
