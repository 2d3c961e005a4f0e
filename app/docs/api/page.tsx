import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/docs/code-block";
import { OperationReference } from "@/components/docs/operation-reference";
import { TableOfContents, type ContentsEntry } from "@/components/docs/table-of-contents";
import { VerifyingSignatures } from "@/components/docs/verifying-signatures";
import { WebhookDelivery } from "@/components/docs/webhooks-reference";
import { WebhookEvents } from "@/components/docs/webhook-events";
import { MAX_BODY_BYTES } from "@/lib/api/request-input";
import { keyRateLimiter } from "@/lib/api/rate-limit";
import { publicUrl } from "@/lib/env";
import { OPERATIONS } from "@/lib/api/registry";
import { referenceDocument } from "@/lib/docs/reference-document";
import { signedExampleDelivery } from "@/lib/docs/signature-example";
import { verifySnippets } from "@/lib/docs/verify-snippets";
import { bodyFields, curlExample, parameterFields } from "@/lib/openapi/reference";
import { operationResponses } from "@/lib/openapi/response-examples";

export const metadata: Metadata = { title: "API reference" };

// Rendered per request so the examples name this deployment's URL.
export const dynamic = "force-dynamic";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="scroll-mt-4 space-y-2 text-sm text-gray-700">
      <h2 id={id} className="scroll-mt-4 text-lg font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

const tagId = (tag: string) => `tag-${tag.toLowerCase().replace(/\W+/g, "-")}`;

const GUIDE_SECTIONS: ContentsEntry[] = [
  { id: "authentication", title: "Authentication" },
  { id: "errors", title: "Errors" },
  { id: "pagination", title: "Pagination" },
  { id: "idempotency", title: "Idempotency" },
  { id: "rate-limits", title: "Rate limits" },
];

export default function ApiReferencePage() {
  const baseUrl = publicUrl();
  const document = referenceDocument();
  const tags = [...new Set(OPERATIONS.map((operation) => operation.tag))];
  const contents: ContentsEntry[] = [
    ...GUIDE_SECTIONS,
    ...tags.map((tag) => ({
      id: tagId(tag),
      title: tag,
      children: OPERATIONS.filter((operation) => operation.tag === tag).map((operation) => ({ id: operation.operationId, title: operation.summary })),
    })),
    { id: "webhooks", title: "Webhooks" },
    { id: "webhook-delivery", title: "Webhook delivery" },
    { id: "verifying-signatures", title: "Verifying signatures" },
  ];
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10">
      <aside className="mb-10 lg:mb-0">
        <div className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:overflow-y-auto">
          <TableOfContents entries={contents} />
        </div>
      </aside>
      {/* On a phone, long paths, event types and JSON break anywhere rather than widen the page. */}
      <main className="min-w-0 space-y-10 wrap-anywhere">
        <header className="space-y-2">
          <p className="text-sm font-bold text-indigo-700">Switchboard</p>
          <h1 className="text-3xl font-semibold">API reference</h1>
          <p className="text-sm text-gray-700">
            Step-by-step set-ups for Make, Zapier, GHL, Hostaway and n8n are in the{" "}
            <Link className="text-indigo-600 underline" href="/docs/guides">
              integration guides
            </Link>
            .
          </p>
          <p className="text-sm text-gray-700">
            Base URL <code>{baseUrl}/api/v1</code>. Machine-readable: <a className="text-indigo-600 underline" href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
          </p>
        </header>

        <Section id="authentication" title="Authentication">
          <p>
            Create a key in Profile Settings → Integration Settings → API Keys and send it as <code>Authorization: Bearer &lt;key&gt;</code>, or as{" "}
            <code>X-API-Key: &lt;key&gt;</code> where your tool lets you name the header. A missing or invalid key gets <code>401</code> with{" "}
            <code>WWW-Authenticate: Bearer</code>. Each key has permissions (Full access, Read only, or per resource); a key without the permission an
            operation needs gets <code>403</code>.
          </p>
          <CodeBlock>{`curl "${baseUrl}/api/v1/me" -H "Authorization: Bearer $SWITCHBOARD_KEY"`}</CodeBlock>
        </Section>

        <Section id="errors" title="Errors">
          <p>
            Every failure answers <code>{`{"error": {"type", "code", "message", "param"?}}`}</code>. <code>type</code> is one of{" "}
            <code>authentication_error</code> (401), <code>permission_error</code> (403), <code>invalid_request_error</code> (400, <code>param</code>{" "}
            names the field), <code>not_found_error</code> (404, also for another account&apos;s objects), <code>conflict_error</code> (409),{" "}
            <code>rate_limit_error</code> (429) and <code>api_error</code> (500). Every answer carries a <code>Request-Id</code> header. Request bodies are
            JSON up to {MAX_BODY_BYTES / 1024} KiB; unknown fields are refused.
          </p>
        </Section>

        <Section id="pagination" title="Pagination">
          <p>
            Lists answer <code>{`{"object": "list", "data": [...], "has_more": bool}`}</code>, newest first. Pass <code>limit</code> (1–100, default 20)
            and, for the next page, <code>starting_after</code> with the id of the last object you received.
          </p>
        </Section>

        <Section id="idempotency" title="Idempotency">
          <p>
            Send an <code>Idempotency-Key</code> header with any <code>POST</code> to retry it safely: a repeat with the same key and body within 24 hours
            replays the first answer (with <code>Idempotent-Replayed: true</code>); the same key with another body is a <code>409</code>.
          </p>
        </Section>

        <Section id="rate-limits" title="Rate limits">
          <p>
            Each key may make {keyRateLimiter.limit} requests per {keyRateLimiter.windowMs / 1000} seconds. Answers carry <code>RateLimit-Limit</code>,{" "}
            <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code> (seconds); over the limit you get <code>429</code> with{" "}
            <code>Retry-After</code>. Repeated requests with invalid keys from one address are throttled too.
          </p>
        </Section>

        {tags.map((tag) => (
          <Section key={tag} id={tagId(tag)} title={tag}>
            <div className="space-y-4">
              {OPERATIONS.filter((operation) => operation.tag === tag).map((operation) => (
                <OperationReference
                  key={`${operation.method} ${operation.path}`}
                  operation={operation}
                  parameters={parameterFields(operation)}
                  body={bodyFields(operation)}
                  curl={curlExample(operation, baseUrl)}
                  responses={operationResponses(document, operation)}
                />
              ))}
            </div>
          </Section>
        ))}

        <WebhookEvents baseUrl={baseUrl} />

        <Section id="webhook-delivery" title="Webhook delivery">
          <WebhookDelivery />
        </Section>

        <Section id="verifying-signatures" title="Verifying webhook signatures">
          <VerifyingSignatures snippets={verifySnippets()} example={signedExampleDelivery()} />
        </Section>
      </main>
    </div>
  );
}
