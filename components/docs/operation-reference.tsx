import type { Operation } from "@/lib/api/operation";
import type { FieldDoc } from "@/lib/openapi/reference";
import type { OperationResponses } from "@/lib/openapi/response-examples";
import { CodeBlock } from "./code-block";

const METHOD_COLORS: Record<Operation["method"], string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PATCH: "bg-amber-100 text-amber-800",
  DELETE: "bg-red-100 text-red-800",
};

export function FieldTable({ caption, fields }: { caption: string; fields: (FieldDoc & { in?: string })[] }) {
  if (fields.length === 0) return null;
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">{caption}</caption>
      <tbody className="divide-y divide-gray-100">
        {fields.map((field) => (
          <tr key={`${field.in ?? "body"}-${field.name}`} className="align-top">
            <th scope="row" className="py-1.5 pr-3 font-mono sm:w-48 text-xs font-medium text-gray-900">
              {field.name}
              {field.required && <span className="ml-1 text-red-600">required</span>}
            </th>
            <td className="py-1.5 pr-3 font-mono text-xs text-gray-600">{field.type}</td>
            <td className="py-1.5 text-gray-700">{field.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OperationReference({
  operation,
  parameters,
  body,
  curl,
  responses,
}: {
  operation: Operation;
  parameters: (FieldDoc & { in: string })[];
  body: FieldDoc[];
  curl: string;
  responses: OperationResponses;
}) {
  return (
    <article
      id={operation.operationId}
      aria-label={`${operation.method} ${operation.path}`}
      className="scroll-mt-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200"
    >
      <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_COLORS[operation.method]}`}>{operation.method}</span>
        <code className="font-mono">{operation.path}</code>
        <span className="font-normal text-gray-600">— {operation.summary}</span>
      </h3>
      {operation.description && <p className="mt-2 text-sm text-gray-700">{operation.description}</p>}
      <p className="mt-1 text-xs text-gray-500">
        Permission: {operation.access === "public" ? "none, no key needed" : operation.permission ? <code>{operation.permission}</code> : "any key"} · Success: {Object.keys(operation.responses).join(", ")}
      </p>
      <FieldTable caption="Parameters" fields={parameters} />
      <FieldTable caption="JSON body" fields={body} />
      <CodeBlock className="mt-3">
        {curl}
      </CodeBlock>
      {responses.successes.map((success) => (
        <div key={success.status} className="mt-3">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-gray-600">
            Response <span className="font-mono">{success.status}</span>
            <span className="ml-2 font-normal normal-case tracking-normal text-gray-600">{success.description}</span>
          </h4>
          <CodeBlock className="mt-1 max-h-80">
            {JSON.stringify(success.example, null, 2)}
          </CodeBlock>
        </div>
      ))}
      {responses.errorStatuses.length > 0 && (
        <p className="mt-2 text-xs text-gray-600">
          Errors: {responses.errorStatuses.join(", ")}, as the <a className="text-indigo-700 underline" href="#errors">error object</a>.
        </p>
      )}
    </article>
  );
}
