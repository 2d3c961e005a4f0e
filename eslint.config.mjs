import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "lib/generated/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts"] },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { varsIgnorePattern: "^_", argsIgnorePattern: "^_" }] } },
  // next/link costs ~3 kB gzip of JavaScript on every page; components/ui/link.tsx does the same job.
  {
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use { Link } from \"@/components/ui/link\" (page weight: see its comment)." }] }],
    },
  },
  // CommonJS files load their modules with require().
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // The Zapier app is CommonJS in .js files: Zapier's runtime loads it with require().
  { files: ["integrations/zapier/**/*.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
];

export default config;
