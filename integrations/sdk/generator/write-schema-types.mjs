// `npm run sdk:generate`: rewrites integrations/sdk/src/schema.d.ts from the API registry.
// jiti loads the registry's TypeScript (with the `@/` alias) without a build or a server.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createJiti } from "jiti";

const root = path.resolve(import.meta.dirname, "../../..");
const jiti = createJiti(import.meta.url, { alias: { "@": root } });
const { renderSchemaTypes, SCHEMA_TYPES_FILE } = await jiti.import(path.join(root, "integrations/sdk/generator/schema-types.ts"));

writeFileSync(path.join(root, SCHEMA_TYPES_FILE), await renderSchemaTypes());
console.log(`Wrote ${SCHEMA_TYPES_FILE}.`);
