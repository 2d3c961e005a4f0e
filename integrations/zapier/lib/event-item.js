'use strict';

// What a REST hook trigger hands to the Zap for one Switchboard event ({"id", "type",
// "created_at", "data"}): the object itself (a call or a contact, so "ID" is the call's or the
// contact's id, as in the actions and searches), with the event's own id, type and time beside it.
function eventToItem(event) {
  return { ...event.data, event_id: event.id, event_type: event.type, event_created_at: event.created_at };
}

const EVENT_OUTPUT_FIELDS = [
  { key: 'event_id', label: 'Event ID', type: 'string' },
  { key: 'event_type', label: 'Event Type', type: 'string' },
  { key: 'event_created_at', label: 'Event Time', type: 'datetime' },
];

const eventSample = (type, objectSample) => ({
  ...objectSample,
  event_id: 'evt_mi4q7x2a0k3v9d2r8s1f6h5j0',
  event_type: type,
  event_created_at: objectSample.ended_at || objectSample.updated_at || objectSample.created_at,
});

module.exports = { eventToItem, eventSample, EVENT_OUTPUT_FIELDS };
