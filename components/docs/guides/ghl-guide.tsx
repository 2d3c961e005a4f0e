import { createCallOperation } from "@/lib/calls/operations";
import { Code, CreateKeyStep, DocLink, GuideSection, Note, Steps } from "./guide-parts";

// GHL merge fields ({{contact.…}}) are GHL's syntax, written out literally.
const CALL_BODY = `{
  "to": "{{contact.phone}}",
  "agent": "Booking assistant",
  "variables": { "first_name": "{{contact.first_name}}" },
  "metadata": { "ghl_contact_id": "{{contact.id}}" }
}`;

export function GhlGuide({ baseUrl }: { baseUrl: string }) {
  return (
    <>
      <p>
        A GoHighLevel workflow launches a Switchboard call with its <strong>Custom Webhook</strong> action, and Switchboard&apos;s webhooks start a
        second workflow through GHL&apos;s <strong>Inbound Webhook</strong> trigger when the call ends.
      </p>

      <GuideSection id="launch-a-call" title="1. Launch a call from a workflow">
        <Steps>
          <CreateKeyStep keyName="GHL" permissions="Calls: Write (Restricted) or Full access" />
          <li>
            In the workflow, after its trigger (e.g. a form submitted or a tag added), add the <strong>Custom Webhook</strong> action.
          </li>
          <li>
            Method <code>POST</code>, URL <code>{`${baseUrl}${createCallOperation.path}`}</code>.
          </li>
          <li>
            Headers: <code>Authorization</code> = <code>Bearer sb_live_…</code> (your key) and <code>Content-Type</code> ={" "}
            <code>application/json</code>.
          </li>
          <li>
            Body (raw JSON), with GHL&apos;s contact fields inserted:
            <Code>{CALL_BODY}</Code>
            The contact&apos;s GHL id in <code>metadata</code> comes back with the call and with every webhook about it, so the answer can be tied to
            the contact later.
          </li>
          <li>
            Test the action on a contact: Switchboard answers <code>201</code> with the queued call. Numbers in E.164 format (
            <code>+14155550123</code>) always work; a <code>400</code> answer names the field it could not read in <code>error.param</code>.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="results-back" title="2. Bring the result back into GHL">
        <Steps>
          <li>
            Create a second workflow whose trigger is <strong>Inbound Webhook</strong>, and copy the URL GHL shows for it.
          </li>
          <li>
            In Switchboard, <DocLink href="/settings/integrations">Integration Settings</DocLink> → Webhook Integration → <strong>Add endpoint</strong>:
            paste the URL and choose <code>call.completed</code>, <code>call.no_answer</code> and <code>call.failed</code>.
          </li>
          <li>
            Send GHL a real sample: launch a test call from the first workflow (or with curl). Numbers ending in <code>0000</code> end as{" "}
            <code>no_answer</code> and <code>0001</code> as <code>failed</code>, so each event can be tried.
          </li>
          <li>
            In the trigger, use the sample to match the contact (by <code>data.metadata.ghl_contact_id</code>, or by the number called,{" "}
            <code>data.to</code>) and pick the fields to use: <code>type</code> says what happened; <code>data.summary</code>,{" "}
            <code>data.duration_seconds</code> and <code>data.transcript</code> describe the call.
          </li>
          <li>Add the actions that follow, e.g. update a contact field with the summary, add a note, or branch on <code>type</code>.</li>
        </Steps>
        <Note>
          An Inbound Webhook trigger cannot check Switchboard&apos;s signature: keep its URL private. Code that can compute an HMAC should{" "}
          <DocLink href="/docs/api#verifying-signatures">verify the signature</DocLink>.
        </Note>
      </GuideSection>
    </>
  );
}
