/**
 * Subtitles for the browser's `<track>`: WebVTT. SRT files are converted (their numbered cues
 * and comma decimal separators become WebVTT cues); VTT files are checked and kept.
 */

/** Whether a text is a WebVTT file (it starts with "WEBVTT", after an optional BOM). */
export function isWebVtt(text: string): boolean {
  return /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text);
}

const SRT_TIMING = /^\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})(.*)$/;

function vttTime(h: string, m: string, s: string, ms: string): string {
  return `${h.padStart(2, "0")}:${m}:${s}.${ms.padEnd(3, "0")}`;
}

/**
 * Converts SRT subtitles to WebVTT. Throws when the text holds no cue (it is not SRT).
 * @example srtToVtt("1\n00:00:01,000 --> 00:00:02,500\nHello\n") // "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello\n"
 */
export function srtToVtt(srt: string): string {
  const blocks = srt.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").trim().split(/\n\s*\n/);
  const cues: string[] = [];
  for (const block of blocks) {
    const lines = block.split("\n");
    const at = lines.findIndex((l) => SRT_TIMING.test(l));
    if (at < 0) continue;
    const t = SRT_TIMING.exec(lines[at]!)!;
    const timing = `${vttTime(t[1]!, t[2]!, t[3]!, t[4]!)} --> ${vttTime(t[5]!, t[6]!, t[7]!, t[8]!)}`;
    const text = lines.slice(at + 1).join("\n").replace(/-->/g, "->");
    cues.push(`${timing}\n${text}`);
  }
  if (cues.length === 0) throw new Error("the subtitles hold no SRT cue (\"00:00:01,000 --> 00:00:02,000\")");
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}
