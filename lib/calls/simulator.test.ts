import { describe, expect, it } from "vitest";
import type { Call } from "@/lib/generated/prisma/client";
import { ENDED_STATUSES, transcriptSchema } from "./schemas";
import { SIMULATED_OUTCOMES, simulatorProvider } from "./simulator";

const T0 = new Date("2026-11-27T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function call(overrides: Partial<Call> = {}): Call {
  return {
    id: "call_0mwyl10ieakqbehuq3v7v9513",
    accountId: "user_1",
    apiKeyId: "key_1",
    direction: "outbound",
    status: "queued",
    to: "+14155550123",
    from: "+14155550100",
    agent: null,
    contactId: null,
    variables: {},
    metadata: {},
    provider: "simulator",
    routingRuleId: null,
    routingAction: null,
    routingTarget: null,
    durationSeconds: null,
    transcript: null,
    summary: null,
    createdAt: T0,
    ringingAt: null,
    answeredAt: null,
    endedAt: null,
    nextActionAt: at(1000),
    ...overrides,
  };
}

// Applies the provider's steps at their due times until the call ends.
function runToEnd(start: Call): { final: Call; statuses: string[] } {
  let current = start;
  const statuses = [current.status];
  for (let step = 0; step < 10 && current.nextActionAt; step++) {
    current = { ...current, ...simulatorProvider.advance(current, current.nextActionAt) };
    statuses.push(current.status);
  }
  return { final: current, statuses };
}

describe("simulatorProvider", () => {
  it("first looks at an outbound call after 1 s and an inbound one after 1.5 s", () => {
    expect(simulatorProvider.firstActionAt({ direction: "outbound", createdAt: T0 })).toEqual(at(1000));
    expect(simulatorProvider.firstActionAt({ direction: "inbound", createdAt: T0 })).toEqual(at(1500));
  });

  it("moves an answered call queued → ringing → in_progress → completed", () => {
    const { final, statuses } = runToEnd(call());
    expect(statuses).toEqual(["queued", "ringing", "in_progress", "completed"]);
    expect(final).toMatchObject({
      ringingAt: at(1000),
      answeredAt: at(2500),
      endedAt: at(5000),
      durationSeconds: 3,
      nextActionAt: null,
    });
  });

  it("schedules each step", () => {
    const ringing = simulatorProvider.advance(call(), at(1000));
    expect(ringing).toEqual({ status: "ringing", ringingAt: at(1000), nextActionAt: at(2500) });
    const answered = simulatorProvider.advance(call({ status: "ringing", ringingAt: at(1000) }), at(2500));
    expect(answered).toEqual({ status: "in_progress", answeredAt: at(2500), nextActionAt: at(5000) });
  });

  it("measures the duration from the answer, at least 1 s", () => {
    const late = simulatorProvider.advance(call({ status: "in_progress", answeredAt: at(2500) }), at(9700));
    expect(late.durationSeconds).toBe(7);
    const instant = simulatorProvider.advance(call({ status: "in_progress", answeredAt: at(2500) }), at(2500));
    expect(instant.durationSeconds).toBe(1);
  });

  it.each([
    ["+14155550000", "no_answer"],
    ["+4930120000", "no_answer"],
    ["+14155550001", "failed"],
  ])("ends a call to %s as %s after ringing, without talk", (to, status) => {
    const { final, statuses } = runToEnd(call({ to }));
    expect(statuses).toEqual(["queued", "ringing", status]);
    expect(final).toMatchObject({ status, endedAt: at(2500), durationSeconds: 0, answeredAt: null, transcript: null, summary: null, nextActionAt: null });
  });

  it("documents exactly the outcomes it implements", () => {
    expect(SIMULATED_OUTCOMES).toEqual({ "0000": "no_answer", "0001": "failed" });
    expect(runToEnd(call({ to: "+14155550002" })).final.status).toBe("completed");
    expect(runToEnd(call({ to: "+14155500010" })).final.status).toBe("completed");
  });

  it("answers an inbound call whatever the caller's number", () => {
    const inbound = call({ direction: "inbound", from: "+14155550000", to: "+14155550001" });
    const { final, statuses } = runToEnd(inbound);
    expect(statuses).toEqual(["queued", "ringing", "in_progress", "completed"]);
    expect(final.summary).toContain("inbound call from +14155550000");
    expect(transcriptSchema.parse(final.transcript)[0]).toEqual({ speaker: "agent", text: "Thanks for calling, this is Switchboard assistant. How can I help?" });
  });

  it("writes an outbound transcript and summary from the agent and variables", () => {
    const { final } = runToEnd(call({ agent: "Booking assistant", variables: { first_name: "Ada", reason: "your dentist appointment" } }));
    const transcript = transcriptSchema.parse(final.transcript);
    expect(transcript).toHaveLength(4);
    expect(transcript.map((turn) => turn.speaker)).toEqual(["agent", "caller", "agent", "caller"]);
    expect(transcript[0].text).toBe("Hi Ada, this is Booking assistant calling about your dentist appointment.");
    expect(final.summary).toBe("Booking assistant completed the outbound call to +14155550123; the caller agreed and was sent a confirmation.");
  });

  it("falls back to a default agent and greeting, and survives damaged variables", () => {
    const { final } = runToEnd(call({ variables: ["not", "a", "map"] }));
    expect(transcriptSchema.parse(final.transcript)[0].text).toBe("Hi there, this is Switchboard assistant calling.");
    expect(transcriptSchema.parse(runToEnd(call({ variables: { name: "Grace" } })).final.transcript)[0].text).toContain("Hi Grace,");
  });

  it("tells a forwarded inbound call where it went", () => {
    const forwarded = call({ direction: "inbound", from: "+14155550123", routingAction: "forward", routingTarget: "+14155550999" });
    const { final } = runToEnd(forwarded);
    expect(final.status).toBe("completed");
    expect(transcriptSchema.parse(final.transcript)).toEqual([{ speaker: "agent", text: "Connecting you to +14155550999." }]);
    expect(final.summary).toBe("Inbound call from +14155550123 forwarded to +14155550999.");
  });

  it.each(ENDED_STATUSES)("leaves a %s call as it is and stops looking at it", (status) => {
    expect(simulatorProvider.advance(call({ status }), at(60_000))).toEqual({ nextActionAt: null });
  });
});
