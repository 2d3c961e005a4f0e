import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "lib/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"] },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_" }] } },
  // CommonJS files load their modules with require().
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // The Zapier app is CommonJS in .js files: Zapier's runtime loads it with require().
  { files: ["integrations/zapier/**/*.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
];

export default config;
