-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "leakNoticeDismissedAt" TIMESTAMP(3);

