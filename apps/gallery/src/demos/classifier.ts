import * as vt from "vitrine";

/**
 * Gradio's headline demo, `Interface(fn, inputs="image", outputs="label")`, with a classifier
 * that needs no model: it reads the image's pixels and scores how red, green, blue, dark and
 * light it is (a real app would run a model here).
 */
export function classifier() {
  return new vt.Interface({
    fn: (image: vt.ImageArray | string | null) => {
      if (image === null) throw new vt.Error("Upload an image first.");
      if (typeof image === "string") throw new vt.Error("SVG images cannot be classified.");
      const { data, channels, width, height } = image;
      const pixels = width * height;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let i = 0; i < data.length; i += channels) {
        r += data[i]!;
        g += data[i + 1] ?? data[i]!;
        b += data[i + 2] ?? data[i]!;
      }
      const mean = [r, g, b].map((v) => v / pixels / 255);
      const brightness = (mean[0]! + mean[1]! + mean[2]!) / 3;
      const scores: Record<string, number> = {
        red: Math.max(0, mean[0]! - (mean[1]! + mean[2]!) / 2),
        green: Math.max(0, mean[1]! - (mean[0]! + mean[2]!) / 2),
        blue: Math.max(0, mean[2]! - (mean[0]! + mean[1]!) / 2),
        dark: Math.max(0, 0.5 - brightness),
        light: Math.max(0, brightness - 0.5),
      };
      const total = Object.values(scores).reduce((a, v) => a + v, 0) || 1;
      return Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v / total]));
    },
    inputs: "image",
    outputs: vt.Label({ num_top_classes: 3, label: "colours" }),
    title: "Image classifier",
    description: "Upload an image: the bars say how red, green, blue, dark or light it is.",
  });
}
