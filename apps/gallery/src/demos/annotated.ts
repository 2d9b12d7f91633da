import * as vt from "vitrine";

const WIDTH = 320;
const HEIGHT = 200;

/** A made-up photo: a sky-to-grass gradient with a sun, so that the overlays have something to sit on. */
function scene(): vt.ImageArray {
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const sky = y < HEIGHT * 0.6;
      data[i] = sky ? 120 + y / 2 : 60;
      data[i + 1] = sky ? 170 + y / 4 : 140 - (y - HEIGHT * 0.6) / 2;
      data[i + 2] = sky ? 235 : 70;
    }
  }
  return { width: WIDTH, height: HEIGHT, channels: 3, data };
}

/** A soft-edged disc mask (values 0..1) centred on (cx, cy). */
function disc(cx: number, cy: number, r: number): number[][] {
  return Array.from({ length: HEIGHT }, (_, y) =>
    Array.from({ length: WIDTH }, (_, x) => {
      const d = Math.hypot(x - cx, y - cy);
      return d <= r - 4 ? 1 : d <= r ? (r - d) / 4 : 0;
    }),
  );
}

/**
 * AnnotatedImage: an image with two boxes and a circular mask, coloured from a color_map and the
 * default palette. Hover the legend or an annotation to single it out; click one to see its
 * `select` data (its index and label).
 */
export function annotated() {
  return vt.Blocks({ title: "AnnotatedImage" }, (demo) => {
    vt.Markdown("# AnnotatedImage\nTwo boxes and a circular mask over a generated image. Hover the legend or an annotation; click one.");
    const image = vt.AnnotatedImage({ label: "Detections", color_map: { house: "#ff7f0e", sun: "#ffd400" }, height: 320 });
    const selected = vt.Textbox({ label: "selected annotation", interactive: false });
    const annotate = (): vt.AnnotatedImageOutput => [
      scene(),
      [
        [[30, 70, 130, 170], "house"],
        [[180, 100, 290, 180], "car"],
        [disc(250, 50, 32), "sun"],
      ],
    ];
    demo.load({ fn: annotate, outputs: [image], api_name: "annotate" });
    image.select({ fn: (ctx: vt.EventContext<vt.AnnotatedImageEventData["select"]>) => `${ctx.event.index}: ${ctx.event.value}`, outputs: [selected], api_name: false });
  });
}
