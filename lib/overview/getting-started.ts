import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { gettingStartedSchema, type GettingStarted } from "./schemas";

// The overview's checklist, read from what the account has actually done, so it ticks itself:
// each step is one indexed existence check.
// - a key was created: any key row (a deleted key keeps its row, revoked);
// - a first API request was made with a key: a key has a last use, which the usage flush
//   (lib/usage) writes for every request a key of the account made, refused ones included;
// - a webhook endpoint exists (deleting the last one unticks the step: there is none to deliver to);
// - a call was placed or received.
export async function gettingStarted(accountId: string, client: PrismaClient = db): Promise<GettingStarted> {
  const [key, usedKey, endpoint, call] = await Promise.all([
    client.apiKey.findFirst({ where: { accountId }, select: { id: true } }),
    client.apiKey.findFirst({ where: { accountId, lastUsedAt: { not: null } }, select: { id: true } }),
    client.webhookEndpoint.findFirst({ where: { accountId }, select: { id: true } }),
    client.call.findFirst({ where: { accountId }, select: { id: true } }),
  ]);
  return gettingStartedSchema.parse({
    apiKeyCreated: key !== null,
    firstApiRequest: usedKey !== null,
    webhookEndpointAdded: endpoint !== null,
    firstCallPlaced: call !== null,
  });
}
