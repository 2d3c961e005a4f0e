'use strict';

const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { eventSample } = require('../lib/event-item');
const { restHookTrigger } = require('../lib/rest-hook-trigger');

module.exports = restHookTrigger({
  key: 'call_completed',
  noun: 'Call',
  label: 'Call Completed',
  description: 'Triggers when an AI call ends after being answered, with its duration, transcript and summary.',
  events: ['call.completed'],
  sample: eventSample('call.completed', CALL_SAMPLE),
  outputFields: CALL_OUTPUT_FIELDS,
});
