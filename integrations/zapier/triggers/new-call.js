'use strict';

const { apiUrl } = require('../lib/api-url');
const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { withoutEmptyFields } = require('../lib/request-body');

// Zapier polls this and starts the Zap for every call id it has not seen before; the API lists
// newest first, and the page is the largest the API allows, so a busy minute is not missed.
const perform = async (z, bundle) => {
  const response = await z.request({
    url: apiUrl(z, bundle, '/calls'),
    params: withoutEmptyFields({ limit: 100, direction: bundle.inputData.direction }),
  });
  return response.data.data;
};

module.exports = {
  key: 'new_call',
  noun: 'Call',
  display: {
    label: 'New Call',
    description: 'Triggers when a call is launched or received (polling; for a call that has ended, use Call Completed).',
  },
  operation: {
    type: 'polling',
    inputFields: [
      {
        key: 'direction',
        label: 'Direction',
        required: false,
        choices: { outbound: 'Outbound (launched through the API)', inbound: 'Inbound (received on your numbers)' },
        helpText: 'Only outbound or only inbound calls. Leave empty for both.',
      },
    ],
    perform,
    sample: CALL_SAMPLE,
    outputFields: CALL_OUTPUT_FIELDS,
  },
};
