import * as vt from "vitrine";

/** The frame flipped left to right and turned grey (ITU-R 601 luma), as a one-channel image. */
export function flipGrey(frame: vt.ImageArray): vt.ImageArray {
  const { width, height, channels, data } = frame;
  const out = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + (width - 1 - x)) * channels;
      const r = data[i]!;
      const g = channels >= 3 ? data[i + 1]! : r;
      const b = channels >= 3 ? data[i + 2]! : r;
      out[y * width + x] = (r * 299 + g * 587 + b * 114) / 1000;
    }
  }
  return { width, height, channels: 1, data: out };
}

/**
 * The webcam: frames streamed into a function that flips each one and turns it grey (a real
 * app would run a model on it), with a count of the frames it processed; and a photo taken with
 * the capture button, whose size a second function reports.
 */
export function webcam(options: { streamEvery?: number; timeLimit?: number | null } = {}) {
  return vt.Blocks({ title: "Webcam" }, () => {
    vt.Markdown("# Webcam\nPress **Record** to stream your camera into a function that flips and greys each frame; or take a photo below.");
    vt.Row(() => {
      // Smaller frames keep the function quick: each is decoded, flipped, greyed and encoded again.
      const camera = vt.Image({ label: "Camera", sources: "webcam", streaming: true, webcam_constraints: { width: 320, height: 240 } });
      const processed = vt.Image({ label: "Flipped and grey", format: "png" });
      const frames = vt.Textbox({ label: "Frames processed", value: "0" });
      const count = vt.State({ value: 0 });
      camera.stream({
        fn: (frame: vt.ImageArray | string | null, seen: number) => {
          if (frame === null || typeof frame === "string") return [null, String(seen), seen] as const;
          return [flipGrey(frame), String(seen + 1), seen + 1] as const;
        },
        inputs: [camera, count],
        outputs: [processed, frames, count],
        stream_every: options.streamEvery ?? 0.25,
        time_limit: options.timeLimit === undefined ? 60 : options.timeLimit,
        concurrency_limit: null,
        show_progress: "hidden",
        api_name: "flip_grey",
      });
    });
    vt.Row(() => {
      const photo = vt.Image({ label: "Photo", sources: ["webcam", "upload"] });
      const size = vt.Textbox({ label: "Photo size" });
      photo.change({
        fn: (image: vt.ImageArray | string | null) => {
          if (image === null || typeof image === "string") return "";
          let sum = 0;
          for (const v of image.data) sum += v;
          return `${image.width}x${image.height}, mean ${(sum / image.data.length).toFixed(1)}`;
        },
        inputs: [photo],
        outputs: [size],
        api_name: "photo_size",
      });
    });
  });
}
