-- JSON-valued text columns become Json (JSONB-declared, holding the same JSON text) and fixed value
-- sets become enums (TEXT on SQLite). Table redefinitions copy every row unchanged.
-- Hand-edited: Prisma writes Json defaults unquoted (DEFAULT {}), which SQLite refuses
-- (prisma/prisma#26571); quoted, Prisma's own diff finds no drift against the schema.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "access" TEXT NOT NULL DEFAULT 'full',
    "scopes" JSONB,
    "rolledToId" TEXT,
    CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiKey" ("access", "createdAt", "display", "expiresAt", "hash", "id", "lastUsedAt", "name", "revokedAt", "rolledToId", "scopes", "userId") SELECT "access", "createdAt", "display", "expiresAt", "hash", "id", "lastUsedAt", "name", "revokedAt", "rolledToId", "scopes", "userId" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");
CREATE INDEX "ApiKey_userId_revokedAt_idx" ON "ApiKey"("userId", "revokedAt");
CREATE TABLE "new_Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "direction" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "agent" TEXT,
    "contactId" TEXT,
    "variables" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "provider" TEXT NOT NULL,
    "routingRuleId" TEXT,
    "routingAction" TEXT,
    "routingTarget" TEXT,
    "durationSeconds" INTEGER,
    "transcript" JSONB,
    "summary" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ringingAt" DATETIME,
    "answeredAt" DATETIME,
    "endedAt" DATETIME,
    "nextActionAt" DATETIME,
    CONSTRAINT "Call_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Call_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Call" ("agent", "answeredAt", "apiKeyId", "contactId", "createdAt", "direction", "durationSeconds", "endedAt", "from", "id", "metadata", "nextActionAt", "provider", "ringingAt", "routingAction", "routingRuleId", "routingTarget", "status", "summary", "to", "transcript", "userId", "variables") SELECT "agent", "answeredAt", "apiKeyId", "contactId", "createdAt", "direction", "durationSeconds", "endedAt", "from", "id", "metadata", "nextActionAt", "provider", "ringingAt", "routingAction", "routingRuleId", "routingTarget", "status", "summary", "to", "transcript", "userId", "variables" FROM "Call";
DROP TABLE "Call";
ALTER TABLE "new_Call" RENAME TO "Call";
CREATE INDEX "Call_userId_id_idx" ON "Call"("userId", "id");
CREATE INDEX "Call_nextActionAt_idx" ON "Call"("nextActionAt");
CREATE TABLE "new_Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "externalId" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "firstName" TEXT,
    "lastName" TEXT,
    "company" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Contact" ("company", "createdAt", "email", "externalId", "firstName", "id", "lastName", "metadata", "phone", "updatedAt", "userId") SELECT "company", "createdAt", "email", "externalId", "firstName", "id", "lastName", "metadata", "phone", "updatedAt", "userId" FROM "Contact";
DROP TABLE "Contact";
ALTER TABLE "new_Contact" RENAME TO "Contact";
CREATE INDEX "Contact_userId_phone_idx" ON "Contact"("userId", "phone");
CREATE INDEX "Contact_userId_id_idx" ON "Contact"("userId", "id");
CREATE UNIQUE INDEX "Contact_userId_externalId_key" ON "Contact"("userId", "externalId");
CREATE TABLE "new_RoutingRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT,
    "priority" INTEGER NOT NULL,
    "calledNumber" TEXT,
    "callerPrefix" TEXT,
    "schedule" JSONB,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoutingRule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RoutingRule" ("action", "calledNumber", "callerPrefix", "createdAt", "id", "name", "priority", "schedule", "target", "updatedAt", "userId") SELECT "action", "calledNumber", "callerPrefix", "createdAt", "id", "name", "priority", "schedule", "target", "updatedAt", "userId" FROM "RoutingRule";
DROP TABLE "RoutingRule";
ALTER TABLE "new_RoutingRule" RENAME TO "RoutingRule";
CREATE INDEX "RoutingRule_userId_priority_idx" ON "RoutingRule"("userId", "priority");
CREATE INDEX "RoutingRule_userId_id_idx" ON "RoutingRule"("userId", "id");
CREATE TABLE "new_WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "events" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "secret" TEXT NOT NULL,
    "previousSecret" TEXT,
    "previousSecretUntil" DATETIME,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WebhookEndpoint_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WebhookEndpoint" ("consecutiveFailures", "createdAt", "description", "disabledReason", "enabled", "events", "id", "previousSecret", "previousSecretUntil", "secret", "updatedAt", "url", "userId") SELECT "consecutiveFailures", "createdAt", "description", "disabledReason", "enabled", "events", "id", "previousSecret", "previousSecretUntil", "secret", "updatedAt", "url", "userId" FROM "WebhookEndpoint";
DROP TABLE "WebhookEndpoint";
ALTER TABLE "new_WebhookEndpoint" RENAME TO "WebhookEndpoint";
CREATE INDEX "WebhookEndpoint_userId_id_idx" ON "WebhookEndpoint"("userId", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

