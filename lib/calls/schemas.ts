import { z } from "zod";
import { e164Schema, stringMapSchema } from "@/lib/api/common-schemas";
import { listQuerySchema } from "@/lib/api/pagination";
import { CallDirection, CallStatus } from "@/lib/generated/prisma/enums";
import { idPattern } from "@/lib/ids/new-id";

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
    to: e164Schema.meta({ description: "The number to call, in E.164 format." }),
    from: e164Schema.optional().meta({ description: "Caller ID in E.164 format. Defaults to the account's Switchboard number." }),
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
