-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "allowedIps" JSONB,
ADD COLUMN     "lastUsedIp" TEXT,
ADD COLUMN     "lastUsedUserAgent" TEXT,
ADD COLUMN     "leakedAt" TIMESTAMP(3),
ADD COLUMN     "leakedSource" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actor" TEXT NOT NULL DEFAULT 'user';

-- CreateTable
CREATE TABLE "ApiKeyUsage" (
    "apiKeyId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "count2xx" INTEGER NOT NULL DEFAULT 0,
    "count4xx" INTEGER NOT NULL DEFAULT 0,
    "count5xx" INTEGER NOT NULL DEFAULT 0,
    "latencyMsSum" INTEGER NOT NULL DEFAULT 0,
    "latencyMsMax" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKeyUsage_pkey" PRIMARY KEY ("apiKeyId","hour")
);

-- CreateTable
CREATE TABLE "RequestLog" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT,
    "status" INTEGER NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiKeyUsage_accountId_hour_idx" ON "ApiKeyUsage"("accountId", "hour");

-- CreateIndex
CREATE INDEX "ApiKeyUsage_hour_idx" ON "ApiKeyUsage"("hour");

-- CreateIndex
CREATE INDEX "RequestLog_accountId_createdAt_idx" ON "RequestLog"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestLog_createdAt_idx" ON "RequestLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

