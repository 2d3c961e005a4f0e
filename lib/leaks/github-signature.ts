import { createPublicKey, verify } from "node:crypto";
import { z } from "zod";

// GitHub's secret-scanning public keys, as https://api.github.com/meta/public_keys/secret_scanning
// publishes them: each PEM (ECDSA P-256) under the identifier reports name in
// Github-Public-Key-Identifier. Extra fields GitHub may add are ignored.
export const githubPublicKeysSchema = z.object({
  public_keys: z.array(z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean().optional() })),
});

export type GithubPublicKeys = z.infer<typeof githubPublicKeysSchema>;

// Whether `signature` (base64 of a DER ECDSA signature, SHA-256) signs exactly `body` under the
// listed key named `keyIdentifier`. Any listed key counts, current or not: GitHub signs with an
// older key for a while after rotating. Anything malformed is simply not a valid signature.
export function verifyGithubSignature(keys: GithubPublicKeys, keyIdentifier: string, signature: string, body: Buffer): boolean {
  const listed = keys.public_keys.find((entry) => entry.key_identifier === keyIdentifier);
  if (!listed || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    const key = createPublicKey(listed.key);
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") return false;
    return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
