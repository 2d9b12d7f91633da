import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** A sealed value: base64 of IV (12 bytes), AES-256-GCM ciphertext and tag (16 bytes). */
export type Sealed = string;

/** The AES-256 key for a secret. */
export function keyOf(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

/** Encrypts and authenticates a JSON value with the key. */
export function seal(key: Buffer, value: unknown): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value ?? null), "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64");
}

/** The value sealed with the key, or `undefined` when it was not (another key, tampered, not ours). */
export function unseal(key: Buffer, sealed: unknown): unknown {
  if (typeof sealed !== "string") return undefined;
  try {
    const raw = Buffer.from(sealed, "base64");
    if (raw.length < 12 + 16) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
