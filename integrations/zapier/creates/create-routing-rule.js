'use strict';

const { apiUrl } = require('../lib/api-url');
const { integerValue, withoutEmptyFields } = require('../lib/request-body');
const { ROUTING_RULE_OUTPUT_FIELDS, ROUTING_RULE_SAMPLE } = require('../lib/routing-rule-object');

const WEEKDAYS = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

// The schedule is one object in the API and four fields here. Any of them filled in sends a
// schedule, so one left out is named by Switchboard's answer (e.g. schedule.start) instead of
// the whole window being silently dropped.
function scheduleOf(input) {
  const schedule = withoutEmptyFields({
    time_zone: input.schedule_time_zone,
    days: input.schedule_days,
    start: input.schedule_start,
    end: input.schedule_end,
  });
  return Object.keys(schedule).length ? schedule : undefined;
}

const perform = async (z, bundle) => {
  const input = bundle.inputData;
  const response = await z.request({
    method: 'POST',
    url: apiUrl(z, bundle, '/routing-rules'),
    body: withoutEmptyFields({
      name: input.name,
      priority: integerValue(input.priority),
      called_number: input.called_number,
      caller_prefix: input.caller_prefix,
      schedule: scheduleOf(input),
      action: input.action,
      target: input.target,
    }),
  });
  return response.data;
};

module.exports = {
  key: 'create_routing_rule',
  noun: 'Routing Rule',
  display: {
    label: 'Create Routing Rule',
    description: 'Adds a rule that decides where inbound calls go: to an AI agent, or forwarded to a phone number.',
  },
  operation: {
    inputFields: [
      {
        key: 'action',
        label: 'Action',
        required: true,
        choices: { agent: 'An AI agent answers', forward: 'Forward to a phone number' },
        helpText: '"agent": an AI agent answers; "forward": the call is forwarded to a phone number.',
      },
      { key: 'target', label: 'Target', required: true, helpText: 'The agent\'s name for "agent"; a phone number in E.164 format (like +442079460000) for "forward".' },
      { key: 'name', label: 'Name', required: false, helpText: 'A label for the rule, shown back to you (up to 100 characters).' },
      {
        key: 'priority',
        label: 'Priority',
        type: 'integer',
        required: false,
        helpText: 'Rules are evaluated from the lowest number up (0 to 1000000; default 0); among equal priorities the oldest rule goes first.',
      },
      { key: 'called_number', label: 'Called Number', required: false, helpText: 'Only calls to this number of yours, in E.164 format. Leave empty for any.' },
      { key: 'caller_prefix', label: 'Caller Prefix', required: false, helpText: 'Only callers whose number starts with this, e.g. +44 (United Kingdom) or +1415 (San Francisco). Leave empty for any.' },
      { key: 'schedule_time_zone', label: 'Schedule: Time Zone', required: false, helpText: 'Only during a weekly window: the IANA time zone it is read in, e.g. America/New_York. Leave the schedule fields empty for any time.' },
      { key: 'schedule_days', label: 'Schedule: Days', list: true, required: false, choices: WEEKDAYS, helpText: 'Days the window opens on, in its time zone.' },
      { key: 'schedule_start', label: 'Schedule: Start', required: false, helpText: 'Local time the window opens, HH:MM (e.g. 09:00).' },
      { key: 'schedule_end', label: 'Schedule: End', required: false, helpText: 'Local time the window closes, HH:MM (e.g. 17:30; 24:00 for the end of the day). Before the start, it runs past midnight.' },
    ],
    perform,
    sample: ROUTING_RULE_SAMPLE,
    outputFields: ROUTING_RULE_OUTPUT_FIELDS,
  },
};
