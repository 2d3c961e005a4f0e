import { readFileSync } from "node:fs";
import path from "node:path";

const SNIPPETS = [
  { id: "node", language: "Node.js", file: "verify.node.mjs" },
  { id: "python", language: "Python", file: "verify.py" },
  { id: "php", language: "PHP", file: "verify.php" },
] as const;

export type VerifySnippet = (typeof SNIPPETS)[number] & { source: string };

// The files the unit test runs against our signer are the files the reference shows, read
// verbatim, so a snippet on the page cannot drift from the one that was tested.
export function snippetPath(file: string): string {
  return path.join(process.cwd(), "lib", "docs", "snippets", file);
}

let cached: VerifySnippet[] | undefined;

export function verifySnippets(): VerifySnippet[] {
  cached ??= SNIPPETS.map((snippet) => ({ ...snippet, source: readFileSync(snippetPath(snippet.file), "utf8") }));
  return cached;
}
