import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { describeComponent, type TriggerContext } from "@vitrine/component-test";
import { SimpleImage } from "./index.js";

/** CRC-32 (PNG's chunk checksum). */
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real PNG (8-bit RGB or RGBA, no filtering) of `width`×`height` pixels given by `pixel(x, y)`. */
function png(width: number, height: number, channels: 3 | 4, pixel: (x: number, y: number) => number[]): Buffer {
  const rows = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * (width * channels + 1) + 1 + x * channels);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(data.length + 12);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), data.length + 8);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// The API's example input is the package's own PNG, by absolute path: the snapshot keeps it from the package's folder.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packageDir),
  serialize: (value: string) => JSON.stringify(`<package>/${value.slice(packageDir.length)}`),
});

// Real images a function returns by path, in a temp folder: SimpleImage serves them untouched.
const dir = mkdtempSync(join(tmpdir(), "vitrine-simpleimage-conformance-"));
const photo = join(dir, "photo.png");
writeFileSync(photo, png(32, 24, 3, (x, y) => [x * 8, y * 10, 255 - x * 4]));
const badge = join(dir, "badge.png");
writeFileSync(badge, png(16, 16, 4, (x, y) => [200, 40 + x * 10, 90, (x + y) % 2 ? 255 : 128]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Makes sure the block shows an image (the server sends the next sample when it shows none). */
async function withImage({ block, sendValue }: TriggerContext): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  if ((await clear.count()) === 0) {
    await sendValue();
    await clear.waitFor();
  }
}

describeComponent({
  create: SimpleImage,
  samples: [photo, badge],
  // The path changes (the file is copied into the cache): the bytes must not, not even re-encoded.
  roundTrip: (back, sample) => expect(readFileSync(back as string)).toEqual(readFileSync(sample as string)),
  // With an image: its Clear button; without: the upload area. Neither when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|upload an image/ }),
  events: {
    clear: async (context) => {
      await withImage(context);
      await context.block.getByRole("button", { name: "Clear" }).click();
    },
    change: ({ sendValue }) => sendValue(),
    upload: async ({ block }) => {
      const clear = block.getByRole("button", { name: "Clear" });
      if (await clear.count()) await clear.click();
      await block.locator('input[type="file"]').setInputFiles(photo);
    },
  },
});
