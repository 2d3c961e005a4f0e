import { createCallOperation } from "@/lib/calls/operations";
import { Code, CreateKeyStep, DocLink, GuideSection, Note, Steps } from "./guide-parts";

export function ZapierGuide({ baseUrl }: { baseUrl: string }) {
  return (
    <>
      <p>
        There are two ways in: the Switchboard Zapier app, which gives Zaps ready-made triggers, actions and searches, or Zapier&apos;s built-in{" "}
        <strong>Webhooks by Zapier</strong>, which works with nothing to install.
      </p>

      <GuideSection id="app" title="The Switchboard Zapier app">
        <p>
          The app is shipped as source in <code>integrations/zapier</code>. It is not listed in Zapier&apos;s public app directory: whoever runs your
          Switchboard pushes it to their Zapier account with Zapier&apos;s CLI (see <code>integrations/zapier/README.md</code>) and shares it with you
          through an invite link.
        </p>
        <Steps>
          <CreateKeyStep keyName="Zapier" permissions="the access your Zaps need (Full access is simplest)" />
          <li>
            In a Zap, choose the Switchboard app and connect an account with the key. Zapier tests the connection with{" "}
            <code>GET /api/v1/me</code> and labels it with your email and the key&apos;s name.
          </li>
          <li>
            Triggers: Call Completed, Call Failed, Call Not Answered, Inbound Call Routed and Contact Created or Updated fire instantly (turning the Zap
            on subscribes a webhook endpoint; turning it off removes it); New Call checks for new calls on Zapier&apos;s polling schedule.
          </li>
          <li>Actions: Launch Call, Create or Update Contact, Create Routing Rule, Cancel Call. Searches: Find Contact (by external id or phone), Find Call.</li>
        </Steps>
      </GuideSection>

      <GuideSection id="webhooks-by-zapier" title="Webhooks by Zapier: launch a call">
        <Steps>
          <CreateKeyStep keyName="Zapier webhooks" permissions="Calls: Write" />
          <li>
            Add an action step: <strong>Webhooks by Zapier</strong>, event <strong>POST</strong>.
          </li>
          <li>
            URL: <code>{`${baseUrl}${createCallOperation.path}`}</code>. Payload type: <code>form</code> (Zapier&apos;s default) or <code>json</code>;
            Switchboard reads both.
          </li>
          <li>
            Data, one row per field, mapping your trigger&apos;s values. Nested values use brackets in the name:
            <Code>{`to                      +14155550123
agent                   Booking assistant
variables[first_name]   Ada
metadata[zap]           new-lead-call`}</Code>
          </li>
          <li>
            Headers: <code>X-API-Key</code> = your key (or <code>Authorization</code> = <code>Bearer sb_live_…</code>), and, to make Zapier&apos;s
            retries safe, <code>Idempotency-Key</code> = a value unique to the triggering record.
          </li>
          <li>
            Test the step: a <code>201</code> answer is the new call. A <code>400</code> names the field it could not read in{" "}
            <code>error.param</code>.
          </li>
        </Steps>
        <p>
          The same action works for the other endpoints of the <DocLink href="/docs/api">API reference</DocLink>, e.g. <code>POST /api/v1/contacts</code>{" "}
          to sync a contact by <code>external_id</code>.
        </p>
      </GuideSection>

      <GuideSection id="catch-hook" title="Webhooks by Zapier: start a Zap when a call ends">
        <Steps>
          <li>
            Start a Zap with <strong>Webhooks by Zapier</strong>, event <strong>Catch Hook</strong>, and copy its URL.
          </li>
          <li>
            In Switchboard, <DocLink href="/settings/integrations">Integration Settings</DocLink> → Webhook Integration → <strong>Add endpoint</strong>:
            paste the URL and choose the events, e.g. <code>call.completed</code>.
          </li>
          <li>
            Launch a test call so Zapier can find a real request, then map fields from it (the call is under <code>data</code>: its{" "}
            <code>summary</code>, <code>transcript</code>, <code>metadata</code>…).
          </li>
        </Steps>
        <Note>
          A Catch Hook cannot check Switchboard&apos;s signature: keep its URL private, or fetch the call back by its <code>data.id</code> with GET{" "}
          <code>/api/v1/calls/{"{id}"}</code> before acting on it.
        </Note>
      </GuideSection>
    </>
  );
}
