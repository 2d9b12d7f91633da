import { encodeWav16 } from "./wav.js";

/**
 * Streams the microphone in WAV chunks: the Web Audio API hands over the raw samples as they
 * come (a ScriptProcessorNode, which every browser still has and needs no worklet module), and
 * every `every` seconds what came since the last chunk is encoded as a 16-bit mono WAV and
 * handed to `onChunk`. Each chunk is a complete WAV file, so the server reads each on its own.
 */
export class MicStream {
  private context: AudioContext | null = null;
  private media: MediaStream | null = null;
  private node: ScriptProcessorNode | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private pending: Float32Array[] = [];
  /** The loudest sample since the level was last read (0…1). */
  peak = 0;

  constructor(
    private readonly onChunk: (wav: Blob) => void,
    private readonly every: number,
  ) {}

  /** Opens the microphone and starts sending chunks. */
  async start(): Promise<void> {
    const AC = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    if (!navigator.mediaDevices?.getUserMedia || !AC) throw new Error("This browser cannot stream audio from a microphone.");
    this.media = await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AC();
    this.context = context;
    const source = context.createMediaStreamSource(this.media);
    const node = context.createScriptProcessor(4096, 1, 1);
    this.node = node;
    node.onaudioprocess = (e) => {
      const samples = new Float32Array(e.inputBuffer.getChannelData(0));
      this.pending.push(samples);
      for (const s of samples) this.peak = Math.max(this.peak, Math.abs(s));
    };
    // A processor runs only while connected to the output; a silent gain keeps it from being heard.
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(node);
    node.connect(mute);
    mute.connect(context.destination);
    if (context.state === "suspended") await context.resume().catch(() => undefined);
    this.timer = setInterval(() => this.flush(), Math.max(0.05, this.every) * 1000);
  }

  /** Sends what came since the last chunk, if anything. */
  private flush(): void {
    const parts = this.pending;
    if (!parts.length || !this.context) return;
    this.pending = [];
    const length = parts.reduce((n, p) => n + p.length, 0);
    const all = new Float32Array(length);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    this.onChunk(new Blob([encodeWav16([all], this.context.sampleRate) as BlobPart], { type: "audio/wav" }));
  }

  /** Reads and resets the level meter's peak. */
  level(): number {
    const p = this.peak;
    this.peak = 0;
    return p;
  }

  /** Stops: the last samples go out as a final chunk, and the microphone closes. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
    if (this.node) this.node.onaudioprocess = null;
    this.node?.disconnect();
    this.media?.getTracks().forEach((t) => t.stop());
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.media = null;
    this.node = null;
  }
}
