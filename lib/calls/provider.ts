import type { Call } from "@/lib/generated/prisma/client";
import type { Transcript } from "./schemas";

// What a telephony provider decides about a call: its next state and when to look again.
export type CallChange = Partial<Pick<Call, "status" | "ringingAt" | "answeredAt" | "endedAt" | "durationSeconds" | "summary">> & {
  transcript?: Transcript;
  nextActionAt: Date | null;
};

export interface CallProvider {
  readonly name: string;
  // When to first look at a newly recorded call.
  firstActionAt(call: Pick<Call, "direction" | "createdAt">): Date;
  // The call's next step, computed from its stored state: providers keep no memory of their own,
  // so any instance can pick up any call after a restart.
  advance(call: Call, now: Date): CallChange;
}
