import { createCallOperation, listCallsOperation } from "@/lib/calls/operations";
import { getMeOperation } from "@/lib/api-keys/operations";
import { Code, CreateKeyStep, DocLink, GuideSection, Note, Steps } from "./guide-parts";

// n8n expressions ({{ … }}) are n8n's syntax, written out literally.
const CALL_BODY = `{
  "to": "{{ $json.phone }}",
  "agent": "Booking assistant",
  "variables": { "first_name": "{{ $json.first_name }}" }
}`;

export function N8nGuide({ baseUrl }: { baseUrl: string }) {
  return (
    <>
      <p>
        n8n calls Switchboard with its <strong>HTTP Request</strong> node and receives Switchboard&apos;s events with its <strong>Webhook</strong>{" "}
        node.
      </p>

      <GuideSection id="credential" title="1. A Header Auth credential">
        <Steps>
          <CreateKeyStep keyName="n8n" permissions="the access your workflows need" />
          <li>
            In an HTTP Request node, set Authentication to <strong>Generic Credential Type</strong>, Generic Auth Type to <strong>Header Auth</strong>,
            and create a credential with Name <code>Authorization</code> and Value <code>Bearer sb_live_…</code> (or Name <code>X-API-Key</code> and
            the bare key as Value).
          </li>
          <li>
            Test it: method GET, URL <code>{`${baseUrl}${getMeOperation.path}`}</code>. The output names your account and the key.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="launch-a-call" title="2. Launch a call">
        <Steps>
          <li>
            HTTP Request node with the credential: method POST, URL <code>{`${baseUrl}${createCallOperation.path}`}</code>, Send Body on, Body Content
            Type JSON, and the body as JSON with expressions for the incoming item&apos;s fields:
            <Code>{CALL_BODY}</Code>
          </li>
          <li>
            Optionally send a header <code>Idempotency-Key</code> with a value unique to the item (e.g. <code>{"{{ $json.id }}"}</code>), so re-running
            the workflow for the same item within 24 hours does not call twice.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="paging" title="3. Page through lists">
        <p>
          Lists answer <code>{`{"object": "list", "data": […], "has_more": …}`}</code>, newest first. In the HTTP Request node (GET{" "}
          <code>{`${baseUrl}${listCallsOperation.path}`}</code> with query <code>limit=100</code>), choose Add Option → Pagination:
        </p>
        <Steps>
          <li>
            Pagination Mode: <strong>Update a Parameter in Each Request</strong>; parameter type Query, name <code>starting_after</code>, value{" "}
            <code>{"{{ $response.body.data[$response.body.data.length - 1].id }}"}</code>.
          </li>
          <li>
            Pagination Complete When: <strong>Other</strong>, with the expression <code>{"{{ $response.body.has_more === false }}"}</code>.
          </li>
          <li>
            Each page arrives as one item; a <strong>Split Out</strong> node on <code>data</code> turns them into one item per call.
          </li>
        </Steps>
      </GuideSection>

      <GuideSection id="receive-events" title="4. Receive events with a Webhook node">
        <Steps>
          <li>
            Add a Webhook node: HTTP Method POST, a path such as <code>switchboard</code>, respond immediately. Switchboard waits 10 seconds for a{" "}
            <code>2xx</code>, then retries.
          </li>
          <li>
            In Switchboard, <DocLink href="/settings/integrations">Integration Settings</DocLink> → Webhook Integration → <strong>Add endpoint</strong>{" "}
            with the node&apos;s production URL (activate the workflow), choosing the events. Switchboard only delivers to <code>https</code> URLs
            reachable from the internet.
          </li>
          <li>
            The event is the item&apos;s <code>body</code>: <code>{"{{ $json.body.type }}"}</code> says what happened and{" "}
            <code>{"{{ $json.body.data }}"}</code> holds the call or contact.
          </li>
        </Steps>
        <Note>
          To check the signature, the Code node needs the raw body and Node&apos;s <code>crypto</code> module: turn on the Webhook node&apos;s Raw Body
          option, allow the module on self-hosted n8n with <code>NODE_FUNCTION_ALLOW_BUILTIN=crypto</code>, and adapt the{" "}
          <DocLink href="/docs/api#verifying-signatures">Node.js snippet</DocLink> (<code>require(&quot;crypto&quot;)</code> instead of{" "}
          <code>import</code>). Otherwise, fetch the object back by <code>data.id</code> with your credential before acting on it.
        </Note>
      </GuideSection>
    </>
  );
}
