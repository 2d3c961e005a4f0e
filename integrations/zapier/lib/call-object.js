'use strict';

// The call object Switchboard answers with and delivers in call.* events (lib/calls/schemas.ts).
// The sample is what Zapier shows before a real call exists; labels and help follow the API reference.

const CALL_SAMPLE = {
  id: 'call_mi4q7x2a0k3v9d2r8s1f6h5j0',
  object: 'call',
  direction: 'outbound',
  status: 'completed',
  to: '+14155550123',
  from: '+14155550100',
  agent: 'Booking assistant',
  contact_id: null,
  variables: { first_name: 'Ada' },
  metadata: { deal_id: '4711' },
  api_key_id: 'cmi4q7x2a0000k3v9d2r8s1f6h',
  provider: 'simulator',
  routing: null,
  duration_seconds: 42,
  transcript: [
    { speaker: 'agent', text: 'Hello Ada, this is the booking assistant.' },
    { speaker: 'caller', text: "Hi! I'd like to book for Friday." },
  ],
  summary: 'Ada booked a table for Friday.',
  created_at: '2026-11-30T09:00:00.000Z',
  ringing_at: '2026-11-30T09:00:01.000Z',
  answered_at: '2026-11-30T09:00:04.000Z',
  ended_at: '2026-11-30T09:00:46.000Z',
};

const CALL_STATUSES = ['queued', 'ringing', 'in_progress', 'completed', 'no_answer', 'failed', 'canceled'];

const CALL_OUTPUT_FIELDS = [
  { key: 'id', label: 'Call ID', type: 'string' },
  { key: 'direction', label: 'Direction (outbound or inbound)', type: 'string' },
  { key: 'status', label: `Status (${CALL_STATUSES.join(', ')})`, type: 'string' },
  { key: 'to', label: 'To (E.164)', type: 'string' },
  { key: 'from', label: 'From (E.164)', type: 'string' },
  { key: 'agent', label: 'AI Agent', type: 'string' },
  { key: 'contact_id', label: 'Contact ID', type: 'string' },
  { key: 'api_key_id', label: 'API Key ID', type: 'string' },
  { key: 'provider', label: 'Telephony Provider', type: 'string' },
  { key: 'routing__rule_id', label: 'Routing Rule ID (inbound calls)', type: 'string' },
  { key: 'routing__action', label: 'Routing Action (agent or forward)', type: 'string' },
  { key: 'routing__target', label: 'Routing Target (agent name or phone number)', type: 'string' },
  { key: 'duration_seconds', label: 'Duration (seconds)', type: 'integer' },
  { key: 'summary', label: 'Summary', type: 'string' },
  { key: 'transcript[]speaker', label: 'Transcript Speaker', type: 'string' },
  { key: 'transcript[]text', label: 'Transcript Text', type: 'string' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'ringing_at', label: 'Ringing At', type: 'datetime' },
  { key: 'answered_at', label: 'Answered At', type: 'datetime' },
  { key: 'ended_at', label: 'Ended At', type: 'datetime' },
];

module.exports = { CALL_SAMPLE, CALL_STATUSES, CALL_OUTPUT_FIELDS };
