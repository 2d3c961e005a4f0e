import { z } from "zod";
import { CallDirection, CallStatus, DeliveryStatus } from "@/lib/generated/prisma/enums";

// What the overview's queries answer, checked with zod: the raw aggregate rows differ between the
// engines (PostgreSQL counts in bigint, SQLite in number), and the page relies on these shapes.

const count = z.number().int().nonnegative();

// One row of a "per day and status" aggregate, as either engine returns it.
export const dayStatusRowSchema = <S extends z.ZodType<string>>(status: S) =>
  z.object({
    day: z.coerce.number().int().nonnegative(),
    status,
    count: z.coerce.number().int().nonnegative(),
  });

export const callDayRowSchema = dayStatusRowSchema(z.enum(CallStatus));
export const deliveryDayRowSchema = dayStatusRowSchema(z.enum(DeliveryStatus));

// Calls by how they ended; queued, ringing and in-progress calls count as "active".
export const CALL_OUTCOMES = ["completed", "no_answer", "failed", "canceled", "active"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const callOutcomeCountsSchema = z.object({ completed: count, no_answer: count, failed: count, canceled: count, active: count });

// Webhook deliveries by state; "pending" ones are still being tried.
export const DELIVERY_OUTCOMES = ["succeeded", "failed", "pending"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];
export const deliveryOutcomeCountsSchema = z.object({ succeeded: count, failed: count, pending: count });

// One count per outcome per UTC day, oldest day first, with the sums over all days.
export const callsPerDaySchema = z.object({
  buckets: z.array(callOutcomeCountsSchema.extend({ start: z.date() })),
  totals: callOutcomeCountsSchema,
});
export type CallsPerDay = z.infer<typeof callsPerDaySchema>;

export const deliveriesPerDaySchema = z.object({
  buckets: z.array(deliveryOutcomeCountsSchema.extend({ start: z.date() })),
  totals: deliveryOutcomeCountsSchema,
});
export type DeliveriesPerDay = z.infer<typeof deliveriesPerDaySchema>;

export const gettingStartedSchema = z.object({
  apiKeyCreated: z.boolean(),
  firstApiRequest: z.boolean(),
  webhookEndpointAdded: z.boolean(),
  firstCallPlaced: z.boolean(),
});
export type GettingStarted = z.infer<typeof gettingStartedSchema>;

export const recentActivitySchema = z.object({
  calls: z.array(
    z.object({
      id: z.string(),
      status: z.enum(CallStatus),
      direction: z.enum(CallDirection),
      to: z.string(),
      from: z.string(),
      createdAt: z.date(),
    }),
  ),
  events: z.array(z.object({ id: z.string(), label: z.string(), actor: z.string(), createdAt: z.date() })),
});
export type RecentActivity = z.infer<typeof recentActivitySchema>;
