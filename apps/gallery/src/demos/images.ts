import * as vt from "vitrine";

/** The colours the demo paints, in order. */
const PALETTE: readonly (readonly [string, readonly [number, number, number]])[] = [
  ["red", [220, 40, 40]],
  ["orange", [240, 140, 30]],
  ["yellow", [235, 210, 40]],
  ["green", [40, 170, 70]],
  ["teal", [30, 160, 160]],
  ["blue", [40, 80, 220]],
  ["purple", [130, 60, 190]],
  ["pink", [230, 100, 170]],
];

/** A square RGB image of one colour, darker towards its bottom-right corner. */
function swatch([r, g, b]: readonly [number, number, number], size = 96): vt.ImageArray {
  const data = new Uint8ClampedArray(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const shade = 1 - (x + y) / (4 * size);
      const i = (y * size + x) * 3;
      data[i] = r * shade;
      data[i + 1] = g * shade;
      data[i + 2] = b * shade;
    }
  }
  return { width: size, height: size, channels: 3, data };
}

/** The photographic negative of an RGB image. */
function invert(image: vt.ImageArray): vt.ImageArray {
  return { ...image, data: image.data.map((v) => 255 - v) };
}

/** The caption of a gallery item the select event carries (its wire value), if any. */
function captionOf(value: unknown): string | null {
  const caption = (value as { caption?: unknown } | null)?.caption;
  return typeof caption === "string" ? caption : null;
}

/**
 * Images: a Gallery of coloured squares made from a number (click one to preview it; the select
 * event says which), a Gallery you upload into, and an ImageSlider comparing the first square
 * with its negative; a SimpleImage handing its file back untouched.
 */
export function images() {
  return vt.Blocks({ title: "Images" }, () => {
    vt.Markdown("# Images\nMake a few coloured squares, click one to see it large, compare the first with its negative, or upload your own.");
    let count!: vt.NumberComponent;
    let make!: vt.ButtonComponent;
    vt.Row(() => {
      count = vt.Number({ label: "How many", value: 4, minimum: 1, maximum: 8, precision: 0 });
      make = vt.Button({ value: "Generate", variant: "primary" });
    });
    const gallery = vt.Gallery({ label: "Colours", columns: 4, format: "png", height: 320 });
    const selected = vt.Textbox({ label: "Selected", interactive: false });
    const slider = vt.ImageSlider({ label: "Before / after", format: "png", max_height: 300 });

    make.click({
      fn: (n: number) => {
        const squares = Array.from({ length: Math.min(8, Math.max(1, Math.round(n))) }, (_, i) => {
          const [name, rgb] = PALETTE[i]!;
          return [swatch(rgb), `${i + 1}: ${name}`] as const;
        });
        const first = squares[0]![0];
        return [squares, [first, invert(first)]] as const;
      },
      inputs: [count],
      outputs: [gallery, slider],
      api_name: "generate",
    });
    gallery.select({
      fn: (ctx) => `You picked image ${Number(ctx.event.index) + 1} (${captionOf(ctx.event.value) ?? "no caption"})`,
      inputs: [],
      outputs: [selected],
    });

    vt.Markdown("## Your images");
    const mine = vt.Gallery({ label: "Your images", interactive: true, type: "array", columns: 3, file_types: ["image"] });
    const summary = vt.Textbox({ label: "Uploaded", interactive: false });
    mine.upload({
      fn: (items: [vt.ImageArray | string, string | null][] | null) =>
        `${items?.length ?? 0} image(s): ` +
        (items ?? []).map(([image]) => (typeof image === "string" ? "an SVG" : `${image.width}×${image.height}`)).join(", "),
      inputs: [mine],
      outputs: [summary],
    });

    vt.Markdown("## As it is\nA SimpleImage passes the file's path, and shows a returned file without re-encoding it.");
    vt.Row(() => {
      const given = vt.SimpleImage({ label: "Upload a file" });
      const shown = vt.SimpleImage({ label: "Returned as is" });
      given.upload({ fn: (path: string | null) => path, inputs: [given], outputs: [shown] });
    });
  });
}
