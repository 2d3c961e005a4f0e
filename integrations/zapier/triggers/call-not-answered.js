'use strict';

const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { eventSample } = require('../lib/event-item');
const { restHookTrigger } = require('../lib/rest-hook-trigger');

const UNANSWERED_CALL = { ...CALL_SAMPLE, status: 'no_answer', to: '+14155550000', duration_seconds: null, transcript: null, summary: null, answered_at: null };

module.exports = restHookTrigger({
  key: 'call_not_answered',
  noun: 'Call',
  label: 'Call Not Answered',
  description: 'Triggers when an outbound call rang out without being answered (status no_answer).',
  events: ['call.no_answer'],
  sample: eventSample('call.no_answer', UNANSWERED_CALL),
  outputFields: CALL_OUTPUT_FIELDS,
});
