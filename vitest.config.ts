import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "prisma/**/*.test.ts", "integrations/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    // Many tests hash passwords (scrypt) and write SQLite in transactions; on a busy 2-core CI
    // machine the 5 s default failed a delivery test whose leftovers then failed the next three.
    testTimeout: 30_000,
  },
});
