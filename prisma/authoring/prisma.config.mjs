// Prisma 6 config for `new-migration.mjs`: its WebAssembly schema engine talks to SQLite through
// the app's better-sqlite3 adapter instead of a downloaded native engine.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

// Prisma 6 replays migrations into the shadow database with executeRaw, which better-sqlite3
// refuses for multi-statement SQL; such parameterless scripts go to executeScript instead.
function acceptScripts(adapter) {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "executeRaw") {
        return async (query) => {
          if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
            await target.executeScript(query.sql);
            return 0;
          }
          return target.executeRaw(query);
        };
      }
      const value = target[property];
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const config = {
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.PRISMA6_SCHEMA,
  adapter: async () => {
    const base = new PrismaBetterSqlite3({ url: ":memory:" });
    return {
      provider: base.provider,
      adapterName: base.adapterName,
      connect: () => base.connect(),
      connectToShadowDb: async () => acceptScripts(await base.connectToShadowDb()),
    };
  },
};

export default config;
