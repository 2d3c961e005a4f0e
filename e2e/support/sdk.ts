import { expect, test, type APIRequestContext } from "@playwright/test";
import { createSwitchboardClient, type ApiErrorObject, type SwitchboardClient } from "@switchboard/sdk";

// Statuses whose answers have no body: the Response constructor refuses one.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

// A fetch for the SDK that sends through a Playwright request context. The `request` fixture checks
// every answer against the OpenAPI document (api-contract.ts), so SDK calls get the same check as
// raw requests, and they show in the trace like any other request.
export function fetchThrough(request: APIRequestContext) {
  return async (input: Request): Promise<Response> => {
    const answer = await request.fetch(input.url, {
      method: input.method,
      headers: Object.fromEntries(input.headers),
      data: input.body ? Buffer.from(await input.arrayBuffer()) : undefined,
    });
    const status = answer.status();
    return new Response(NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(await answer.body()), {
      status,
      statusText: answer.statusText(),
      headers: answer.headersArray().map(({ name, value }): [string, string] => [name, value]),
    });
  };
}

// The typed SDK, authenticated with one key, talking to the server under test through `request`.
// A path, parameter or field the API no longer has is a type error in the spec that uses it.
export function sdk(request: APIRequestContext, apiKey: string, header: "bearer" | "x-api-key" = "bearer"): SwitchboardClient {
  const baseUrl = test.info().project.use.baseURL;
  if (!baseUrl) throw new Error("The Playwright project has no baseURL for the SDK.");
  return createSwitchboardClient({ baseUrl, apiKey, header, fetch: fetchThrough(request) });
}

type Answer = { data?: unknown; error?: unknown; response: Response };

// Awaits an SDK call, expects `status` and returns the typed body; a wrong status shows the answer.
export async function expectData<A extends Answer>(answer: Promise<A>, status = 200): Promise<NonNullable<A["data"]>> {
  const { data, error, response } = await answer;
  expect(response.status, JSON.stringify(error ?? data)).toBe(status);
  return data as NonNullable<A["data"]>;
}

// Awaits an SDK call that must fail with `status` and an error object matching `expected`.
export async function expectFailure<A extends Answer>(answer: Promise<A>, status: number, expected: Partial<ApiErrorObject> = {}): Promise<ApiErrorObject> {
  const { data, error, response } = await answer;
  expect(response.status, JSON.stringify(error ?? data)).toBe(status);
  const { error: object } = error as { error: ApiErrorObject };
  expect(object).toMatchObject(expected);
  return object;
}

type ListPage = { data: { id: string }[]; has_more: boolean };

// Follows starting_after through a whole list; `page` fetches the page after an id (or the first).
export async function pagesOf<P extends ListPage>(page: (startingAfter: string | undefined) => Promise<P>): Promise<P[]> {
  const pages = [await page(undefined)];
  while (pages.at(-1)!.has_more) pages.push(await page(pages.at(-1)!.data.at(-1)!.id));
  return pages;
}
