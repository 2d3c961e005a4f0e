-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "allowedIps" JSONB;
ALTER TABLE "ApiKey" ADD COLUMN "lastUsedIp" TEXT;
ALTER TABLE "ApiKey" ADD COLUMN "lastUsedUserAgent" TEXT;
ALTER TABLE "ApiKey" ADD COLUMN "leakedAt" DATETIME;
ALTER TABLE "ApiKey" ADD COLUMN "leakedSource" TEXT;

-- CreateTable
CREATE TABLE "ApiKeyUsage" (
    "apiKeyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "count2xx" INTEGER NOT NULL DEFAULT 0,
    "count4xx" INTEGER NOT NULL DEFAULT 0,
    "count5xx" INTEGER NOT NULL DEFAULT 0,
    "latencyMsSum" INTEGER NOT NULL DEFAULT 0,
    "latencyMsMax" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("apiKeyId", "hour")
);

-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT,
    "status" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "errorCode" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "apiKeyId" TEXT,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL DEFAULT 'user',
    "detail" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_AuditEvent" ("action", "apiKeyId", "createdAt", "detail", "id", "ip", "userAgent", "userId") SELECT "action", "apiKeyId", "createdAt", "detail", "id", "ip", "userAgent", "userId" FROM "AuditEvent";
DROP TABLE "AuditEvent";
ALTER TABLE "new_AuditEvent" RENAME TO "AuditEvent";
CREATE INDEX "AuditEvent_userId_createdAt_idx" ON "AuditEvent"("userId", "createdAt");
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ApiKeyUsage_accountId_hour_idx" ON "ApiKeyUsage"("accountId", "hour");

-- CreateIndex
CREATE INDEX "ApiKeyUsage_hour_idx" ON "ApiKeyUsage"("hour");

-- CreateIndex
CREATE INDEX "RequestLog_accountId_createdAt_idx" ON "RequestLog"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestLog_createdAt_idx" ON "RequestLog"("createdAt");

