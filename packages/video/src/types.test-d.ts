// Type tests (checked by `tsc`, never run): what event functions receive and may return.
import { Blocks, fileData } from "@vitrine/core";
import { PlayableVideo, Video } from "./index.js";

Blocks(() => {
  const input = Video({ sources: ["upload"], max_length: 10 });
  const output = PlayableVideo();
  // The function receives the video's path.
  input.change({ fn: (path: string) => path, inputs: [input], outputs: [output] });
  // It may return a path, a URL, a FileData, a [video, subtitles] pair, or null.
  input.change({ fn: (path: string) => [path, "subs.srt"] as const, inputs: [input], outputs: [output] });
  input.change({ fn: (path: string): [string, null] => [path, null], inputs: [input], outputs: [output] });
  input.change({ fn: () => fileData("/tmp/a.mp4"), inputs: [], outputs: [output] });
  input.change({ fn: () => null, inputs: [], outputs: [output] });
  // @ts-expect-error a video comes as a path, not bytes
  input.change({ fn: (video: Uint8Array) => video, inputs: [input], outputs: [output] });
  // @ts-expect-error a number is not a video
  input.change({ fn: () => 42, inputs: [], outputs: [output] });
  // @ts-expect-error "microphone" is not a Video source
  Video({ sources: ["microphone"] });
  Video({ watermark: { watermark: "logo.png", position: [10, 10] }, webcam_options: { mirror: false, constraints: { width: 640 } } });
});
