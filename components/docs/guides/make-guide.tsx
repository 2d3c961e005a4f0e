import { createCallOperation, listCallsOperation } from "@/lib/calls/operations";
import { getMeOperation } from "@/lib/api-keys/operations";
import { Code, CreateKeyStep, DocLink, GuideSection, JsonBody, Note, Steps } from "./guide-parts";

export function MakeGuide({ baseUrl }: { baseUrl: string }) {
  return (
    <>
      <p>
        Make talks to Switchboard through its built-in <strong>HTTP</strong> app; no Switchboard app is needed. The key lives in a Make keychain,
        so it never appears in a module&apos;s fields.
      </p>

      <GuideSection id="connect" title="1. Connect with an API Key keychain">
        <Steps>
          <CreateKeyStep keyName="Make" permissions="the access the scenario needs (Calls: Write to launch calls; Read only for reports)" />
          <li>
            In your scenario, add the HTTP app&apos;s <em>Make a request</em> module and set its authentication type to <strong>API key</strong>{" "}
            (older scenarios have a separate <em>Make an API Key Auth request</em> module).
          </li>
          <li>
            Add a keychain (credentials) for it: <strong>Key</strong> = your <code>sb_live_…</code> key, <strong>API Key placement</strong> = in the
            header, <strong>API Key parameter name</strong> = <code>X-API-Key</code>. Switchboard accepts the bare key in <code>X-API-Key</code>{" "}
            exactly as it accepts <code>Authorization: Bearer</code> (parameter name <code>Authorization</code> with Key{" "}
            <code>Bearer sb_live_…</code> works too).
          </li>
          <li>
            Test it: URL <code>{`${baseUrl}${getMeOperation.path}`}</code>, method GET, parse response: yes. Run the module once; the answer names your
            account&apos;s email and the key (<code>api_key.name</code>). A <code>401</code> means the key was mistyped or deleted.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="launch-a-call" title="2. Launch a call">
        <p>Add the same module after your trigger, with the same keychain:</p>
        <Steps>
          <li>
            URL <code>{`${baseUrl}${createCallOperation.path}`}</code>, method POST, body type raw, content type JSON (application/json), and as
            request content a JSON object, mapping your trigger&apos;s values into it:
            <JsonBody value={createCallOperation.example} />
          </li>
          <li>
            Add a header <code>Idempotency-Key</code> whose value is unique to the record that triggered the run (e.g. its id): if Make runs the
            module again for the same record within 24 hours, Switchboard replays the first answer instead of calling twice.
          </li>
          <li>
            The answer (<code>201</code>) is the call, with its <code>id</code> and <code>status: &quot;queued&quot;</code>. Numbers in E.164 format
            (<code>+14155550123</code>) always work.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="lists-and-paging" title="3. Read lists page by page (has_more)">
        <p>
          List endpoints answer newest first, at most <code>limit</code> objects (1–100, default 20) at a time:
        </p>
        <Code>{`GET ${baseUrl}${listCallsOperation.path}?status=completed&limit=100

{ "object": "list", "data": [ { "id": "call_…", … }, … ], "has_more": true }`}</Code>
        <Steps>
          <li>
            Add an <strong>Iterator</strong> over <code>data</code> to handle each object as its own bundle.
          </li>
          <li>
            When <code>has_more</code> is <code>true</code>, older objects follow: request the same URL with{" "}
            <code>{"&starting_after={{last(N.data).id}}"}</code> (<code>N</code> being the HTTP module&apos;s number; <code>last()</code> is Make&apos;s
            array function), and repeat until <code>has_more</code> is <code>false</code>. Never page by counting: objects created meanwhile do not
            shift the pages.
          </li>
        </Steps>
        <Note>
          To react to new calls, webhooks (next step) are quicker and cheaper in operations than polling a list on a schedule.
        </Note>
      </GuideSection>

      <GuideSection id="receive-events" title="4. Start a scenario when a call ends">
        <Steps>
          <li>
            Start a scenario with the <strong>Webhooks</strong> app&apos;s <em>Custom webhook</em> trigger and copy the URL Make gives it.
          </li>
          <li>
            In Switchboard, <DocLink href="/settings/integrations">Integration Settings</DocLink> → Webhook Integration → <strong>Add endpoint</strong>:
            paste the URL and choose the events (e.g. <code>call.completed</code>, <code>call.no_answer</code>, <code>call.failed</code>).
          </li>
          <li>
            Let Make learn the data structure from a real event: with the trigger waiting for data, launch a test call (a number ending in{" "}
            <code>0000</code> ends as <code>no_answer</code>, <code>0001</code> as <code>failed</code>, anything else completes). Fields are under{" "}
            <code>data</code>: <code>data.summary</code>, <code>data.transcript</code>, <code>data.metadata</code>…
          </li>
        </Steps>
        <Note>
          A Custom webhook cannot check Switchboard&apos;s signature, so keep its URL private. Where acting on a forged event would matter, fetch the
          call back through your keychain (GET <code>/api/v1/calls/</code> followed by the event&apos;s <code>data.id</code>) and use that answer. Code that can compute an HMAC
          should <DocLink href="/docs/api#verifying-signatures">verify the signature</DocLink>.
        </Note>
      </GuideSection>
    </>
  );
}
