-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "expiredNoticeAt" TIMESTAMP(3),
ADD COLUMN     "expiryNotice1dAt" TIMESTAMP(3),
ADD COLUMN     "expiryNotice7dAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ApiKey_expiresAt_idx" ON "ApiKey"("expiresAt");

