import type { APIRequestContext, APIResponse, Page, Request } from "@playwright/test";

// A server action as the browser sent it: replayable any number of times with the page's cookies.
export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

const isServerAction = (request: Request) => request.method() === "POST" && "next-action" in request.headers();

// What Next.js reads to find and run the action; cookies come from the replaying context.
const REPLAYED_HEADERS = ["accept", "content-type", "next-action", "next-router-state-tree", "origin"];

async function captured(request: Request): Promise<CapturedAction> {
  const headers = Object.fromEntries(Object.entries(await request.allHeaders()).filter(([name]) => REPLAYED_HEADERS.includes(name)));
  return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

// Captures the next server action `trigger` makes the page send, and stops it before it reaches
// the server, so only replays act.
export async function interceptServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  let resolve!: (action: CapturedAction) => void;
  const action = new Promise<CapturedAction>((done) => (resolve = done));
  const handler = async (route: Parameters<Parameters<Page["route"]>[1]>[0]) => {
    if (!isServerAction(route.request())) return route.continue();
    resolve(await captured(route.request()));
    await route.abort();
  };
  await page.route("**/*", handler);
  try {
    await trigger();
    return await action;
  } finally {
    await page.unroute("**/*", handler);
  }
}

// Captures the next server action `trigger` makes the page send, which runs as usual.
export async function captureServerAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const [request] = await Promise.all([page.waitForRequest(isServerAction), trigger()]);
  return captured(request);
}

export function replayServerAction(
  request: APIRequestContext,
  action: CapturedAction,
  changes: { headers?: Record<string, string>; body?: Buffer } = {},
): Promise<APIResponse> {
  return request.post(action.url, { headers: { ...action.headers, ...changes.headers }, data: changes.body ?? action.body, maxRedirects: 0 });
}
