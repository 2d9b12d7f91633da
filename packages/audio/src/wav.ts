/**
 * A tiny, dependency-free 16-bit PCM WAV writer. The view uses it in the browser to turn a
 * microphone recording (decoded by the Web Audio API) into a WAV before uploading it, so that
 * `type: "array"` can read it without ffmpeg. The server side uses wavefile instead.
 */

/** Float channels (-1…1, one array a channel, equal lengths) → a 16-bit PCM WAV file. */
export function encodeWav16(channels: readonly Float32Array[], sampleRate: number): Uint8Array {
  const n = channels.length;
  const frames = n ? channels[0]!.length : 0;
  const dataBytes = frames * n * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => { for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i); };
  ascii(0, "RIFF"); view.setUint32(4, 36 + dataBytes, true); ascii(8, "WAVE");
  ascii(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, n, true);
  view.setUint32(24, sampleRate, true); view.setUint32(28, sampleRate * n * 2, true); view.setUint16(32, n * 2, true);
  view.setUint16(34, 16, true); ascii(36, "data"); view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < n; c++) {
      const v = Math.max(-1, Math.min(1, channels[c]![f]!));
      view.setInt16(at, Math.round(v < 0 ? v * 32768 : v * 32767), true);
      at += 2;
    }
  }
  return out;
}
