/**
 * A microphone recording for the MultimodalTextbox's "microphone" source: MediaRecorder over
 * `getUserMedia({ audio: true })`, stopped into a File (`recording.webm`, `.ogg` or `.m4a`, by
 * what the browser records) that the view uploads and attaches like any other file.
 */
export class MicRecorder {
  private recorder: MediaRecorder | null = null;
  private stream: MediaStream | null = null;
  private chunks: Blob[] = [];

  /** Asks for the microphone and starts recording; rejects with a clear message when it cannot. */
  async start(): Promise<void> {
    if (typeof navigator === "undefined" || !navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined")
      throw new Error("This browser cannot record audio.");
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    this.recorder = new MediaRecorder(this.stream);
    this.recorder.ondataavailable = (e) => { if (e.data.size) this.chunks.push(e.data); };
    this.recorder.start();
  }

  /** Stops recording and gives the recorded audio as a file (null when nothing was recorded). */
  stop(): Promise<File | null> {
    const recorder = this.recorder;
    if (!recorder || recorder.state === "inactive") {
      this.release();
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      recorder.onstop = () => {
        const type = recorder.mimeType || "audio/webm";
        const blob = new Blob(this.chunks, { type });
        this.release();
        if (!blob.size) return resolve(null);
        const ext = type.includes("ogg") ? "ogg" : type.includes("mp4") ? "m4a" : "webm";
        resolve(new File([blob], `recording.${ext}`, { type: type.split(";")[0] }));
      };
      recorder.stop();
    });
  }

  /** Stops without keeping anything (the view went away). */
  cancel(): void {
    if (this.recorder && this.recorder.state !== "inactive") {
      this.recorder.onstop = null;
      this.recorder.stop();
    }
    this.release();
  }

  private release(): void {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.recorder = null;
    this.chunks = [];
  }
}
