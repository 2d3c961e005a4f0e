'use strict';

const { apiUrl } = require('../lib/api-url');
const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { stringMap, withoutEmptyFields } = require('../lib/request-body');

const perform = async (z, bundle) => {
  const input = bundle.inputData;
  const response = await z.request({
    method: 'POST',
    url: apiUrl(z, bundle, '/calls'),
    body: withoutEmptyFields({
      to: input.to,
      from: input.from,
      agent: input.agent,
      contact_id: input.contact_id,
      variables: stringMap(input.variables),
      metadata: stringMap(input.metadata),
    }),
  });
  return response.data;
};

module.exports = {
  key: 'launch_call',
  noun: 'Call',
  display: {
    label: 'Launch Call',
    description: 'Starts an outbound AI call. Use Call Completed to act on how it went.',
  },
  operation: {
    inputFields: [
      { key: 'to', label: 'To', required: true, helpText: 'The number to call, in E.164 format, like +14155550123.' },
      { key: 'agent', label: 'AI Agent', required: false, helpText: 'The AI agent that speaks on the call (up to 100 characters).' },
      { key: 'from', label: 'From (Caller ID)', required: false, helpText: "Caller ID in E.164 format. Leave empty for the account's Switchboard number." },
      { key: 'contact_id', label: 'Contact ID', required: false, helpText: 'A Switchboard contact the call is about (contact_…), e.g. from Find Contact or Create or Update Contact.' },
      { key: 'variables', label: 'Variables', dict: true, required: false, helpText: 'Values the agent can use in the conversation, e.g. first_name → Ada. Up to 50 entries.' },
      { key: 'metadata', label: 'Metadata', dict: true, required: false, helpText: 'Your own data, returned with the call and its webhooks, e.g. deal_id → 4711. Up to 50 entries.' },
    ],
    perform,
    sample: { ...CALL_SAMPLE, status: 'queued', duration_seconds: null, transcript: null, summary: null, ringing_at: null, answered_at: null, ended_at: null },
    outputFields: CALL_OUTPUT_FIELDS,
  },
};
