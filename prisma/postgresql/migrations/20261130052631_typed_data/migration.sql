-- JSON-valued text columns become jsonb and fixed value sets become enums.
-- Hand-edited: Prisma's generated SQL dropped each column and added it again, which loses every
-- row's value. Here each column changes type in place, casting its stored text; a default has to
-- be dropped before the cast and set again after it. The result is the schema Prisma generates.

-- CreateEnum
CREATE TYPE "ApiKeyAccess" AS ENUM ('full', 'read', 'restricted');

-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('outbound', 'inbound');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('queued', 'ringing', 'in_progress', 'completed', 'no_answer', 'failed', 'canceled');

-- CreateEnum
CREATE TYPE "RoutingAction" AS ENUM ('agent', 'forward');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- AlterTable
ALTER TABLE "ApiKey"
ALTER COLUMN "access" DROP DEFAULT,
ALTER COLUMN "access" SET DATA TYPE "ApiKeyAccess" USING "access"::"ApiKeyAccess",
ALTER COLUMN "access" SET DEFAULT 'full',
ALTER COLUMN "scopes" SET DATA TYPE JSONB USING "scopes"::jsonb;

-- AlterTable
ALTER TABLE "Call"
ALTER COLUMN "direction" SET DATA TYPE "CallDirection" USING "direction"::"CallDirection",
ALTER COLUMN "status" SET DATA TYPE "CallStatus" USING "status"::"CallStatus",
ALTER COLUMN "variables" DROP DEFAULT,
ALTER COLUMN "variables" SET DATA TYPE JSONB USING "variables"::jsonb,
ALTER COLUMN "variables" SET DEFAULT '{}',
ALTER COLUMN "metadata" DROP DEFAULT,
ALTER COLUMN "metadata" SET DATA TYPE JSONB USING "metadata"::jsonb,
ALTER COLUMN "metadata" SET DEFAULT '{}',
ALTER COLUMN "routingAction" SET DATA TYPE "RoutingAction" USING "routingAction"::"RoutingAction",
ALTER COLUMN "transcript" SET DATA TYPE JSONB USING "transcript"::jsonb;

-- AlterTable
ALTER TABLE "Contact"
ALTER COLUMN "metadata" DROP DEFAULT,
ALTER COLUMN "metadata" SET DATA TYPE JSONB USING "metadata"::jsonb,
ALTER COLUMN "metadata" SET DEFAULT '{}';

-- AlterTable
ALTER TABLE "RoutingRule"
ALTER COLUMN "schedule" SET DATA TYPE JSONB USING "schedule"::jsonb,
ALTER COLUMN "action" SET DATA TYPE "RoutingAction" USING "action"::"RoutingAction";

-- AlterTable
ALTER TABLE "WebhookEndpoint"
ALTER COLUMN "events" SET DATA TYPE JSONB USING "events"::jsonb;

-- AlterTable (the index on status and nextAttemptAt is rebuilt by the type change)
ALTER TABLE "WebhookDelivery"
ALTER COLUMN "status" SET DATA TYPE "DeliveryStatus" USING "status"::"DeliveryStatus";
