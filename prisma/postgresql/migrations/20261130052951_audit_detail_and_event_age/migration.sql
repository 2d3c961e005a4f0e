-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "detail" TEXT;

-- CreateIndex
CREATE INDEX "WebhookEvent_createdAt_idx" ON "WebhookEvent"("createdAt");

