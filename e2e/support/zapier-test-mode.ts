// zapier-platform-core turns its output checks (trigger results carry ids, searches answer lists,
// actions answer objects) into errors only when it believes it runs under a test runner: when
// NODE_ENV starts with "test" as it is loaded; otherwise it just logs them. Imported before the
// core, so the Zapier flows fail on an answer Zapier itself would reject. (Assigned this way
// because Next.js types NODE_ENV as read-only.)
Object.assign(process.env, { NODE_ENV: "test" });
