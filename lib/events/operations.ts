import { defineOperation, response } from "@/lib/api/operation";
import { toList } from "@/lib/api/pagination";
import { getEvent, listEvents } from "./events";
import { EVENT_EXAMPLE, EVENT_LIST_EXAMPLE, eventListSchema, eventSchema, listEventsQuerySchema } from "./schemas";
import { serializeEventForKey } from "./serialize-event";

const TAG = "Events";

// No permission of its own: any key may list events, and sees those whose resource it may read
// (call.* with Calls: Read, contact.* with Contacts: Read, inbound_call.routed with Calls and
// Routing: Read, api_key.* with read on everything, ping with any key), as for subscribing.
const VISIBILITY =
  "A key sees the events it could subscribe to: call.* with Calls: Read, contact.* with Contacts: Read, inbound_call.routed with Calls and Routing: Read, api_key.* with read on everything, ping with any key. Events are kept 30 days (WEBHOOK_EVENT_RETENTION_DAYS).";

export const listEventsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/events",
  operationId: "listEvents",
  tag: TAG,
  summary: "List events",
  description: `Every event webhooks deliver, whether or not an endpoint subscribes to it, newest first, each exactly as delivered. Page back with starting_after; poll for new events with ending_before=<the newest id you have> (has_more then says whether still newer ones follow). ${VISIBILITY}`,
  query: listEventsQuerySchema,
  responses: { 200: response({ description: "A list of events.", schema: eventListSchema, example: EVENT_LIST_EXAMPLE }) },
  handler: async ({ accountId, apiKey, query }) => ({
    status: 200,
    body: toList(await listEvents(accountId, apiKey, query), query.limit, (event) => serializeEventForKey(event, apiKey)),
  }),
});

export const getEventOperation = defineOperation({
  method: "GET",
  path: "/api/v1/events/{id}",
  operationId: "getEvent",
  tag: TAG,
  summary: "Retrieve an event",
  description: `One event, exactly as webhooks delivered it (its id is the deliveries' webhook-id). ${VISIBILITY} An event of another account, or one the key may not read, is a 404 like a missing one.`,
  idPrefix: "evt",
  responses: { 200: response({ description: "The event.", schema: eventSchema, example: EVENT_EXAMPLE }) },
  handler: async ({ accountId, apiKey, params }) => ({ status: 200, body: serializeEventForKey(await getEvent(accountId, apiKey, params.id), apiKey) }),
});

// This feature's endpoints, in the order the reference presents them.
export const eventOperations = [listEventsOperation, getEventOperation] as const;
