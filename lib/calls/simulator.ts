import type { Call } from "@/lib/generated/prisma/client";
import { storedStringMapSchema } from "@/lib/api/common-schemas";
import type { CallChange, CallProvider } from "./provider";

// Documented test numbers: the last four digits decide how a simulated call ends.
export const SIMULATED_OUTCOMES = {
  "0000": "no_answer",
  "0001": "failed",
} as const;

const RING_AFTER_MS = 1000;
const ANSWER_AFTER_MS = 1500;
const TALK_FOR_MS = 2500;
const DEFAULT_AGENT = "Switchboard assistant";

type Turn = { speaker: "agent" | "caller"; text: string };

function outcomeFor(number: string): "no_answer" | "failed" | "answered" {
  return SIMULATED_OUTCOMES[number.slice(-4) as keyof typeof SIMULATED_OUTCOMES] ?? "answered";
}

function conversation(call: Call): { transcript: Turn[]; summary: string } {
  const variables = storedStringMapSchema.parse(call.variables);
  const agent = call.agent ?? DEFAULT_AGENT;
  const name = variables.first_name ?? variables.name;
  const greeting = name ? `Hi ${name}` : "Hi there";
  if (call.routingAction === "forward") {
    return {
      transcript: [{ speaker: "agent", text: `Connecting you to ${call.routingTarget}.` }],
      summary: `Inbound call from ${call.from} forwarded to ${call.routingTarget}.`,
    };
  }
  const transcript: Turn[] =
    call.direction === "inbound"
      ? [
          { speaker: "agent", text: `Thanks for calling, this is ${agent}. How can I help?` },
          { speaker: "caller", text: "I'd like to confirm my booking." },
          { speaker: "agent", text: "Your booking is confirmed. Anything else?" },
          { speaker: "caller", text: "No, that's all. Thanks!" },
        ]
      : [
          { speaker: "agent", text: `${greeting}, this is ${agent} calling${variables.reason ? ` about ${variables.reason}` : ""}.` },
          { speaker: "caller", text: "Sure, go ahead." },
          { speaker: "agent", text: "Thanks for your time. I've noted everything and you'll get a confirmation shortly." },
          { speaker: "caller", text: "Great, thank you." },
        ];
  const party = call.direction === "inbound" ? `from ${call.from}` : `to ${call.to}`;
  return { transcript, summary: `${agent} completed the ${call.direction} call ${party}; the caller agreed and was sent a confirmation.` };
}

export const simulatorProvider: CallProvider = {
  name: "simulator",

  firstActionAt(call) {
    return new Date(call.createdAt.getTime() + (call.direction === "inbound" ? ANSWER_AFTER_MS : RING_AFTER_MS));
  },

  advance(call, now): CallChange {
    switch (call.status) {
      case "queued":
        return { status: "ringing", ringingAt: now, nextActionAt: new Date(now.getTime() + ANSWER_AFTER_MS) };
      case "ringing": {
        const outcome = call.direction === "outbound" ? outcomeFor(call.to) : "answered";
        if (outcome !== "answered") {
          return { status: outcome, endedAt: now, durationSeconds: 0, nextActionAt: null };
        }
        return { status: "in_progress", answeredAt: now, nextActionAt: new Date(now.getTime() + TALK_FOR_MS) };
      }
      case "in_progress": {
        const { transcript, summary } = conversation(call);
        const answeredAt = call.answeredAt ?? now;
        return {
          status: "completed",
          endedAt: now,
          durationSeconds: Math.max(1, Math.round((now.getTime() - answeredAt.getTime()) / 1000)),
          transcript,
          summary,
          nextActionAt: null,
        };
      }
      default:
        return { nextActionAt: null };
    }
  },
};
