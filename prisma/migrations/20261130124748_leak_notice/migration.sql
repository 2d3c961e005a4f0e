-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "leakNoticeDismissedAt" DATETIME;

