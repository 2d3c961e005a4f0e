import { generateKeyPairSync, sign } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// GitHub's secret-scanning key, played by a P-256 key pair this run generates: the server started
// for the flows trusts its public half (SECRET_SCANNING_PUBLIC_KEYS), the flows sign with the other.
// The folder is made once in Playwright's main process; workers inherit its path and read the keys.
export const SECRET_SCANNING_KEY_ID = "e2e-secret-scanning-key";

function keyFolder(): string {
  process.env.E2E_SECRET_SCANNING_KEYS ||= mkdtempSync(path.join(tmpdir(), "switchboard-e2e-secret-scanning-"));
  return process.env.E2E_SECRET_SCANNING_KEYS;
}

// The public_keys file for the server, written with its key pair on first use.
export function secretScanningPublicKeysFile(): string {
  const folder = keyFolder();
  const publicKeys = path.join(folder, "public_keys.json");
  if (!existsSync(publicKeys)) {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    writeFileSync(path.join(folder, "private.pem"), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    const file = { public_keys: [{ key_identifier: SECRET_SCANNING_KEY_ID, key: publicKey.export({ type: "spki", format: "pem" }), is_current: true }] };
    writeFileSync(publicKeys, JSON.stringify(file));
  }
  return publicKeys;
}

// The headers GitHub sends with `body`: the key's identifier and its signature of those exact bytes.
export function githubSignatureHeaders(body: string): Record<string, string> {
  const privateKey = readFileSync(path.join(keyFolder(), "private.pem"), "utf8");
  return {
    "Github-Public-Key-Identifier": SECRET_SCANNING_KEY_ID,
    "Github-Public-Key-Signature": sign("sha256", Buffer.from(body), { key: privateKey, dsaEncoding: "der" }).toString("base64"),
  };
}
