'use strict';

const { apiUrl } = require('../lib/api-url');
const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');

const perform = async (z, bundle) => {
  const response = await z.request({
    method: 'POST',
    url: apiUrl(z, bundle, `/calls/${encodeURIComponent(String(bundle.inputData.call_id).trim())}/cancel`),
  });
  return response.data;
};

module.exports = {
  key: 'cancel_call',
  noun: 'Call',
  display: {
    label: 'Cancel Call',
    description: 'Cancels a call that is still queued or ringing. A call already answered or ended cannot be canceled.',
  },
  operation: {
    inputFields: [
      {
        key: 'call_id',
        label: 'Call',
        required: true,
        dynamic: 'new_call.id.to',
        helpText: 'The call to cancel (call_…), e.g. from Launch Call.',
      },
    ],
    perform,
    sample: { ...CALL_SAMPLE, status: 'canceled', duration_seconds: null, transcript: null, summary: null, answered_at: null },
    outputFields: CALL_OUTPUT_FIELDS,
  },
};
