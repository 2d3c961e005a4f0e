import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { githubPublicKeysSchema, verifyGithubSignature, type GithubPublicKeys } from "./github-signature";

function keyPair(curve = "prime256v1") {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: curve });
  return { pem: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey };
}

const github = keyPair();
const rotatedOut = keyPair();
const KEYS: GithubPublicKeys = {
  public_keys: [
    { key_identifier: "current-id", key: github.pem, is_current: true },
    { key_identifier: "old-id", key: rotatedOut.pem, is_current: false },
  ],
};
const BODY = Buffer.from('[{"token":"sb_live_x","type":"switchboard_api_key","url":"https://github.com/o/r/blob/1/.env","source":"content"}]');
const signWith = (privateKey: ReturnType<typeof keyPair>["privateKey"], body: Buffer) => sign("sha256", body, { key: privateKey, dsaEncoding: "der" }).toString("base64");

describe("verifyGithubSignature", () => {
  it("accepts a DER ECDSA P-256 / SHA-256 signature of the exact body under the named key", () => {
    expect(verifyGithubSignature(KEYS, "current-id", signWith(github.privateKey, BODY), BODY)).toBe(true);
  });

  it("accepts a key that is listed but no longer current (GitHub rotates keys)", () => {
    expect(verifyGithubSignature(KEYS, "old-id", signWith(rotatedOut.privateKey, BODY), BODY)).toBe(true);
  });

  it("refuses a body changed after signing, even by one byte of whitespace", () => {
    const signature = signWith(github.privateKey, BODY);
    const tampered = Buffer.from(BODY.toString().replace("sb_live_x", "sb_live_y"));
    expect(verifyGithubSignature(KEYS, "current-id", signature, tampered)).toBe(false);
    expect(verifyGithubSignature(KEYS, "current-id", signature, Buffer.from(`${BODY.toString()} `))).toBe(false);
  });

  it("refuses an unknown key identifier, and a signature under another listed key", () => {
    expect(verifyGithubSignature(KEYS, "no-such-id", signWith(github.privateKey, BODY), BODY)).toBe(false);
    expect(verifyGithubSignature(KEYS, "old-id", signWith(github.privateKey, BODY), BODY)).toBe(false);
  });

  it("refuses a signature by a key pair the file does not list", () => {
    expect(verifyGithubSignature(KEYS, "current-id", signWith(keyPair().privateKey, BODY), BODY)).toBe(false);
  });

  it("refuses malformed signatures and unusable keys without throwing", () => {
    expect(verifyGithubSignature(KEYS, "current-id", "", BODY)).toBe(false);
    expect(verifyGithubSignature(KEYS, "current-id", "not base64!", BODY)).toBe(false);
    expect(verifyGithubSignature(KEYS, "current-id", Buffer.from("garbage").toString("base64"), BODY)).toBe(false);
    const broken: GithubPublicKeys = { public_keys: [{ key_identifier: "broken", key: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" }] };
    expect(verifyGithubSignature(broken, "broken", signWith(github.privateKey, BODY), BODY)).toBe(false);
  });

  it("refuses a key on another curve, though it verifies its own signature", () => {
    const p384 = keyPair("secp384r1");
    const keys: GithubPublicKeys = { public_keys: [{ key_identifier: "p384", key: p384.pem }] };
    expect(verifyGithubSignature(keys, "p384", signWith(p384.privateKey, BODY), BODY)).toBe(false);
  });
});

describe("githubPublicKeysSchema", () => {
  it("reads GitHub's public_keys file format and ignores fields it does not know", () => {
    const parsed = githubPublicKeysSchema.parse({ public_keys: [{ key_identifier: "id", key: github.pem, is_current: true, extra: 1 }], more: true });
    expect(parsed).toEqual({ public_keys: [{ key_identifier: "id", key: github.pem, is_current: true }] });
  });

  it("refuses a file that is not in that format", () => {
    expect(githubPublicKeysSchema.safeParse([{ key_identifier: "id", key: github.pem }]).success).toBe(false);
    expect(githubPublicKeysSchema.safeParse({ public_keys: [{ key_identifier: "", key: github.pem }] }).success).toBe(false);
  });
});
