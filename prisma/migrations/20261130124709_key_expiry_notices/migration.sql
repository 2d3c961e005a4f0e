-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "expiredNoticeAt" DATETIME;
ALTER TABLE "ApiKey" ADD COLUMN "expiryNotice1dAt" DATETIME;
ALTER TABLE "ApiKey" ADD COLUMN "expiryNotice7dAt" DATETIME;

-- CreateIndex
CREATE INDEX "ApiKey_expiresAt_idx" ON "ApiKey"("expiresAt");

