import type { VerifySnippet } from "@/lib/docs/verify-snippets";
import { CodeBlock } from "./code-block";

type ExampleDelivery = { secret: string; headers: Record<string, string>; body: string };

export function VerifyingSignatures({ snippets, example }: { snippets: VerifySnippet[]; example: ExampleDelivery }) {
  return (
    <div className="space-y-3">
      <p>
        Deliveries are signed the{" "}
        <a className="text-indigo-700 underline" href="https://www.standardwebhooks.com/">
          Standard Webhooks
        </a>{" "}
        way, so any Standard Webhooks library verifies them (the <code>standardwebhooks</code> npm package is tested against ours). Each delivery
        carries three headers:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <code>webhook-id</code>: the event&apos;s id, the same on every retry.
        </li>
        <li>
          <code>webhook-timestamp</code>: when this attempt was signed, in seconds since the Unix epoch.
        </li>
        <li>
          <code>webhook-signature</code>: <code>v1,</code> followed by the base64 HMAC-SHA256 of <code>{"{webhook-id}.{webhook-timestamp}.{body}"}</code>.
          The HMAC key is the base64-decoded part of the secret after <code>whsec_</code>. While a secret is being rolled (24 hours), the header
          carries two signatures separated by a space, one per secret: accept the delivery if either matches.
        </li>
      </ul>
      <p>To verify a delivery:</p>
      <ol className="list-decimal space-y-1 pl-5">
        <li>Take the body exactly as it arrived, before any JSON parsing: re-serialized JSON does not match the signature.</li>
        <li>Refuse timestamps more than 5 minutes from your clock, so a captured delivery cannot be replayed later.</li>
        <li>Compute the HMAC of the id, timestamp and body joined by dots, and compare it with each <code>v1</code> signature in constant time.</li>
        <li>Only then parse the body and act on it; answer <code>400</code> otherwise.</li>
      </ol>
      <p>
        An example delivery, signed with the example secret <code>{example.secret}</code> (your code should accept it when told that the time is{" "}
        the <code>webhook-timestamp</code>):
      </p>
      <CodeBlock>
        {`${Object.entries(example.headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join("\n")}\n\n${example.body}`}
      </CodeBlock>
      {snippets.map((snippet) => (
        <section key={snippet.id} aria-labelledby={`verify-${snippet.id}`} className="space-y-1">
          <h3 id={`verify-${snippet.id}`} className="text-base font-semibold text-gray-900">
            {snippet.language} <span className="font-mono text-xs font-normal text-gray-600">{snippet.file}</span>
          </h3>
          <CodeBlock>{snippet.source}</CodeBlock>
        </section>
      ))}
      <p className="text-xs text-gray-600">
        These three snippets are run by Switchboard&apos;s tests against deliveries signed by its own signer. Node.js 18+, Python 3, PHP 8+; no
        dependencies.
      </p>
    </div>
  );
}
