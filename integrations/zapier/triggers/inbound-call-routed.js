'use strict';

const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { eventSample } = require('../lib/event-item');
const { restHookTrigger } = require('../lib/rest-hook-trigger');

const ROUTED_CALL = {
  ...CALL_SAMPLE,
  direction: 'inbound',
  status: 'ringing',
  from: '+442079460123',
  to: '+14155550100',
  agent: null,
  variables: {},
  metadata: {},
  routing: { rule_id: 'rule_mi4q7x2a0k3v9d2r8s1f6h5j0', action: 'forward', target: '+442079460000' },
  duration_seconds: null,
  transcript: null,
  summary: null,
  answered_at: null,
  ended_at: null,
};

module.exports = restHookTrigger({
  key: 'inbound_call_routed',
  noun: 'Inbound Call',
  label: 'Inbound Call Routed',
  description: 'Triggers when a call to one of your numbers arrives and your routing rules decide where it goes (an AI agent or a forward).',
  events: ['inbound_call.routed'],
  sample: eventSample('inbound_call.routed', ROUTED_CALL),
  outputFields: CALL_OUTPUT_FIELDS,
});
