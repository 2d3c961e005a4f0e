import { readFile } from "node:fs/promises";
import { env } from "@/lib/env";
import { logger } from "@/lib/logging/logger";
import { githubPublicKeysSchema, type GithubPublicKeys } from "./github-signature";

// The keys in the file SECRET_SCANNING_PUBLIC_KEYS names, read when a report arrives (reports are
// rare, and a rotated key then needs no restart); null when unset or unreadable, which the
// endpoint answers as "not configured" rather than as a bad signature.
export async function loadGithubPublicKeys(): Promise<GithubPublicKeys | null> {
  const file = env().SECRET_SCANNING_PUBLIC_KEYS;
  if (!file) return null;
  try {
    return githubPublicKeysSchema.parse(JSON.parse(await readFile(file, "utf8")));
  } catch (error) {
    logger.error({ err: error, file }, "SECRET_SCANNING_PUBLIC_KEYS is not a readable public_keys file");
    return null;
  }
}
