import { createCallOperation } from "@/lib/calls/operations";
import { upsertContactOperation } from "@/lib/contacts/operations";
import { Code, CreateKeyStep, DocLink, GuideSection, Note, Steps } from "./guide-parts";

const CONTACT_BODY = `{
  "external_id": "hostaway-guest-<the guest's email or Hostaway id>",
  "phone": "<the guest's phone, E.164>",
  "first_name": "<the guest's first name>",
  "metadata": { "reservation_id": "<the reservation's id>" }
}`;

const CALL_BODY = `{
  "to": "<the guest's phone, E.164>",
  "agent": "Check-in assistant",
  "contact_id": "<id from the contact answer>",
  "variables": { "first_name": "<first name>", "listing": "<listing name>", "arrival": "<arrival date>" },
  "metadata": { "reservation_id": "<the reservation's id>" }
}`;

export function HostawayGuide({ baseUrl }: { baseUrl: string }) {
  return (
    <>
      <p>
        Switchboard connects to Hostaway through Make or Zapier: a reservation in Hostaway starts a scenario or Zap, which syncs the guest as a
        Switchboard contact and launches a call; when the call ends, Switchboard&apos;s webhook brings the result back. Read the{" "}
        <DocLink href="/docs/guides/make">Make</DocLink> or <DocLink href="/docs/guides/zapier">Zapier</DocLink> guide first for how each tool sends
        the key.
      </p>

      <GuideSection id="trigger" title="1. Start from a reservation">
        <Steps>
          <CreateKeyStep keyName="Hostaway" permissions="Calls: Write and Contacts: Write (Restricted)" />
          <li>
            Start the scenario or Zap with a Hostaway trigger for new or changed reservations, where your Make or Zapier account offers a Hostaway app.
            Otherwise have Hostaway send its reservation webhooks (set up in Hostaway; see Hostaway&apos;s documentation) to a Make Custom webhook or
            a Zapier Catch Hook.
          </li>
          <li>Add a filter so only the reservations you want to call about continue (e.g. confirmed, arriving soon, with a phone number).</li>
        </Steps>
      </GuideSection>

      <GuideSection id="call-the-guest" title="2. Sync the guest and call">
        <Steps>
          <li>
            POST <code>{`${baseUrl}${upsertContactOperation.path}`}</code>: creates the contact, or updates the one with the same{" "}
            <code>external_id</code>, so a reservation that changes never makes a duplicate. Map the reservation&apos;s fields:
            <Code>{CONTACT_BODY}</Code>
          </li>
          <li>
            POST <code>{`${baseUrl}${createCallOperation.path}`}</code> with the contact&apos;s <code>id</code> from that answer, and what the agent
            should know in <code>variables</code> (values are text):
            <Code>{CALL_BODY}</Code>
          </li>
          <li>
            Send <code>Idempotency-Key: hostaway-&lt;reservation id&gt;-checkin</code> with the call, so a reservation event delivered twice within 24
            hours launches one call.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="results-back" title="3. Bring the result back">
        <Steps>
          <li>
            Add a Switchboard webhook endpoint (<DocLink href="/settings/integrations">Integration Settings</DocLink> → Webhook Integration) pointing
            at a second scenario&apos;s Custom webhook or a second Zap&apos;s Catch Hook, for <code>call.completed</code>, <code>call.no_answer</code>{" "}
            and <code>call.failed</code>.
          </li>
          <li>
            The event&apos;s <code>data.metadata.reservation_id</code> says which reservation the call was about; <code>data.summary</code> and{" "}
            <code>data.transcript</code> say how it went. Write them back with the Hostaway app&apos;s actions, or with Hostaway&apos;s own API, where
            your Hostaway account allows it.
          </li>
        </Steps>
        <Note>
          Webhooks by Zapier and Make&apos;s Custom webhook cannot check Switchboard&apos;s signature: keep their URLs private, and fetch the call
          back by <code>data.id</code> where acting on a forged event would matter.
        </Note>
      </GuideSection>
    </>
  );
}
