import type { ActionState } from "@/lib/actions/validated-action";

type Action<T> = (formData: FormData) => Promise<ActionState<T>>;

export type DeliveryOutcome = { delivered: boolean; summary: string };

// The server actions the Webhook Integration UI calls, handed down from the page.
export type WebhookActions = {
  create: Action<boolean>;
  update: Action<boolean>;
  setEnabled: Action<boolean>;
  remove: Action<boolean>;
  reveal: Action<string>;
  roll: Action<string>;
  sendTest: Action<DeliveryOutcome>;
  resend: Action<DeliveryOutcome>;
};
