import type { Operation } from "@/lib/api/operation";
import { getMe } from "@/lib/api-keys/operations";
import { cancelCallOperation, createCallOperation, getCallOperation, listCallsOperation } from "@/lib/calls/operations";
import {
  deleteContactOperation,
  getContactOperation,
  listContactsOperation,
  updateContactOperation,
  upsertContactOperation,
} from "@/lib/contacts/operations";
import {
  createInboundCallOperation,
  createRoutingRuleOperation,
  deleteRoutingRuleOperation,
  getRoutingRuleOperation,
  listRoutingRulesOperation,
  updateRoutingRuleOperation,
} from "@/lib/routing/operations";
import {
  createWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
  getWebhookEndpointOperation,
  listWebhookEndpointsOperation,
  updateWebhookEndpointOperation,
} from "@/lib/webhooks/operations";

// Every /api/v1 operation, in the order the reference presents them.
export const OPERATIONS: Operation[] = [
  getMe,
  createCallOperation,
  listCallsOperation,
  getCallOperation,
  cancelCallOperation,
  upsertContactOperation,
  listContactsOperation,
  getContactOperation,
  updateContactOperation,
  deleteContactOperation,
  createRoutingRuleOperation,
  listRoutingRulesOperation,
  getRoutingRuleOperation,
  updateRoutingRuleOperation,
  deleteRoutingRuleOperation,
  createInboundCallOperation,
  createWebhookEndpointOperation,
  listWebhookEndpointsOperation,
  getWebhookEndpointOperation,
  updateWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
];
