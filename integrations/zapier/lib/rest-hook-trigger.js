'use strict';

const { apiUrl } = require('./api-url');
const { eventToItem, EVENT_OUTPUT_FIELDS } = require('./event-item');
const { toZapierError } = require('./switchboard-error');

// How many past events the Zap editor gets as samples, per event type.
const SAMPLE_EVENTS = 10;

// A REST hook trigger on Switchboard's webhooks: turning the Zap on adds a webhook endpoint for
// the trigger's events pointed at Zapier's hook URL; turning it off deletes that endpoint.
function restHookTrigger({ key, noun, label, description, events, sample, outputFields }) {
  // Subscribing stores the endpoint's id, URL and events with Zapier (bundle.subscribeData). The
  // answer also carries the endpoint's signing secret; it is left out, since perform does not
  // verify signatures (Zapier's hook URL is itself the unguessable credential) and a secret that
  // is not needed should not be stored anywhere.
  const performSubscribe = async (z, bundle) => {
    const response = await z.request({
      method: 'POST',
      url: apiUrl(z, bundle, '/webhook-endpoints'),
      body: { url: bundle.targetUrl, events, description: `Zapier: ${label}` },
    });
    const endpoint = response.data;
    return { id: endpoint.id, url: endpoint.url, events: endpoint.events };
  };

  // An endpoint someone already deleted in Switchboard is what unsubscribing wants: not an error.
  const performUnsubscribe = async (z, bundle) => {
    const { id } = bundle.subscribeData;
    const response = await z.request({
      method: 'DELETE',
      url: apiUrl(z, bundle, `/webhook-endpoints/${encodeURIComponent(id)}`),
      skipThrowForStatus: true,
    });
    if (response.status === 404) return { id, object: 'webhook_endpoint', deleted: true };
    if (response.status >= 400) throw toZapierError(z, response);
    return response.data;
  };

  // Zapier hands over the delivered JSON as bundle.cleanedRequest. Only this trigger's events
  // become Zap runs: "Send test event" in Switchboard's dashboard posts a ping to every endpoint.
  const perform = (z, bundle) => {
    const event = bundle.cleanedRequest;
    if (!event || !events.includes(event.type) || typeof event.data !== 'object') return [];
    return [eventToItem(event)];
  };

  // Samples for the Zap editor: the newest real events of these types from the events API.
  // One request per type, merged newest first, so it does not depend on how a list of types is
  // spelled in the query string.
  const performList = async (z, bundle) => {
    const pages = await Promise.all(
      events.map((type) => z.request({ url: apiUrl(z, bundle, '/events'), params: { type, limit: SAMPLE_EVENTS } })),
    );
    return pages
      .flatMap((response) => response.data.data)
      .sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1))
      .slice(0, SAMPLE_EVENTS)
      .map(eventToItem);
  };

  return {
    key,
    noun,
    display: { label, description },
    operation: {
      type: 'hook',
      performSubscribe,
      performUnsubscribe,
      perform,
      performList,
      sample,
      outputFields: [...outputFields, ...EVENT_OUTPUT_FIELDS],
    },
  };
}

module.exports = { restHookTrigger };
