'use strict';

const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { eventSample } = require('../lib/event-item');
const { restHookTrigger } = require('../lib/rest-hook-trigger');

const FAILED_CALL = { ...CALL_SAMPLE, status: 'failed', duration_seconds: null, transcript: null, summary: null, answered_at: null };

module.exports = restHookTrigger({
  key: 'call_failed',
  noun: 'Call',
  label: 'Call Failed',
  description: 'Triggers when a call could not be placed or dropped with an error.',
  events: ['call.failed'],
  sample: eventSample('call.failed', FAILED_CALL),
  outputFields: CALL_OUTPUT_FIELDS,
});
