import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

// What must be read back but not left readable in the database (webhook signing secrets, answers
// that carry them) is sealed with AES-256-GCM under a key derived from AUTH_SECRET, one key per
// purpose: a copy of the database alone reveals none of it. Every instance must share AUTH_SECRET.
const keys = new Map<string, Buffer>();

// Derived once per secret and purpose: every webhook delivery unseals its signing secrets.
function encryptionKey(purpose: string): Buffer {
  const secret = authSecret();
  if (!secret) throw new Error(`AUTH_SECRET is not set; it is needed to encrypt ${purpose}.`);
  const cacheKey = `${purpose}\n${secret}`;
  let key = keys.get(cacheKey);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "switchboard", purpose, 32));
    keys.set(cacheKey, key);
  }
  return key;
}

const VERSION = "v1";

export function seal(plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(purpose), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), sealed.toString("base64")].join(".");
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}.`);
}

// Throws when the value was tampered with or sealed under another AUTH_SECRET or purpose.
export function unseal(stored: string, purpose: string): string {
  const [version, iv, tag, sealed] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !sealed) throw new Error(`Unreadable ${purpose}`);
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(purpose), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed, "base64")), decipher.final()]).toString("utf8");
}
