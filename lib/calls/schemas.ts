import { z } from "zod";
import { e164Schema, PHONE_FORMS, stringMapSchema } from "@/lib/api/common-schemas";
import { listQuerySchema } from "@/lib/api/pagination";
import { CallDirection, CallStatus } from "@/lib/generated/prisma/enums";
import { exampleId, idSchema, listSchema, timestampSchema } from "@/lib/api/response-schemas";
import { idPattern } from "@/lib/ids/new-id";
import { RoutingAction } from "@/lib/generated/prisma/enums";

// The schema's enums are the one list of statuses and directions.
export { CallDirection, CallStatus };
export const ENDED_STATUSES: readonly CallStatus[] = ["completed", "no_answer", "failed", "canceled"];
export const CANCELABLE_STATUSES: readonly CallStatus[] = ["queued", "ringing"];

export const transcriptSchema = z.array(z.object({ speaker: z.string(), text: z.string() }));
export type Transcript = z.infer<typeof transcriptSchema>;
// A damaged stored transcript reads as none rather than failing the whole call.
export const storedTranscriptSchema = transcriptSchema.nullable().catch(null);

export const createCallSchema = z
  .strictObject({
    to: e164Schema.meta({ description: `The number to call: ${PHONE_FORMS}.` }),
    from: e164Schema.optional().meta({ description: `Caller ID: ${PHONE_FORMS}. Defaults to the account's Switchboard number.` }),
    agent: z.string().trim().min(1, "cannot be empty.").max(100, "can be at most 100 characters.").optional().meta({ description: "The AI agent that speaks on the call." }),
    contact_id: z.string().regex(idPattern("contact"), "must be a contact id.").optional().meta({ description: "A contact of this account the call is about." }),
    variables: stringMapSchema("Values the agent can use in the conversation, e.g. first_name.").optional(),
    metadata: stringMapSchema("Your own data, returned with the call and its webhooks.").optional(),
  })
  .meta({ id: "CreateCall" });

export type CreateCallInput = z.infer<typeof createCallSchema>;

export const listCallsQuerySchema = listQuerySchema("call")
  .extend({
    status: z.enum(CallStatus).optional().meta({ description: "Only calls with this status." }),
    direction: z.enum(CallDirection).optional().meta({ description: "Only outbound or only inbound calls." }),
  })
  .meta({ id: "ListCallsQuery" });

// The call object the API answers with.
export const callSchema = z
  .object({
    id: idSchema("call", "The call's id."),
    object: z.literal("call"),
    direction: z.enum(CallDirection),
    status: z.enum(CallStatus).meta({ description: "queued → ringing → in_progress → completed, or no_answer, failed, canceled." }),
    to: z.string().meta({ description: "The number called, in E.164 format." }),
    from: z.string().meta({ description: "The calling number, in E.164 format." }),
    agent: z.string().nullable().meta({ description: "The AI agent on the call." }),
    contact_id: z.string().nullable().meta({ description: "The contact the call is about." }),
    variables: z.record(z.string(), z.string()).meta({ description: "Values the agent could use." }),
    metadata: z.record(z.string(), z.string()).meta({ description: "Your own data, as sent." }),
    api_key_id: z.string().nullable().meta({ description: "The API key that made the call; null once that key is deleted or for calls from the dashboard." }),
    provider: z.string().meta({ description: "The telephony provider that carries the call." }),
    routing: z
      .object({
        rule_id: z.string().nullable().meta({ description: "The routing rule that matched; null when none did and the default route applied." }),
        action: z.enum(RoutingAction),
        target: z.string(),
      })
      .nullable()
      .meta({ description: "For inbound calls, where routing sent the call; null for outbound calls." }),
    duration_seconds: z.number().int().nullable(),
    transcript: transcriptSchema.nullable(),
    summary: z.string().nullable(),
    created_at: timestampSchema,
    ringing_at: timestampSchema.nullable(),
    answered_at: timestampSchema.nullable(),
    ended_at: timestampSchema.nullable(),
  })
  .meta({ id: "Call" });

export type CallObject = z.output<typeof callSchema>;

export const callListSchema = listSchema(callSchema, "CallList");

export const CALL_EXAMPLE: CallObject = {
  id: exampleId("call"),
  object: "call",
  direction: "outbound",
  status: "completed",
  to: "+14155550123",
  from: "+14155550100",
  agent: "Booking assistant",
  contact_id: null,
  variables: { first_name: "Ada" },
  metadata: {},
  api_key_id: "cmi4q7x2a0000k3v9d2r8s1f6h",
  provider: "simulator",
  routing: null,
  duration_seconds: 42,
  transcript: [
    { speaker: "agent", text: "Hello Ada, this is the booking assistant." },
    { speaker: "caller", text: "Hi! I'd like to book for Friday." },
  ],
  summary: "Ada booked a table for Friday.",
  created_at: "2026-11-30T09:00:00.000Z",
  ringing_at: "2026-11-30T09:00:01.000Z",
  answered_at: "2026-11-30T09:00:04.000Z",
  ended_at: "2026-11-30T09:00:46.000Z",
};
