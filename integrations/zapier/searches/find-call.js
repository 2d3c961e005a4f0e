'use strict';

const { apiUrl } = require('../lib/api-url');
const { CALL_OUTPUT_FIELDS, CALL_SAMPLE } = require('../lib/call-object');
const { toZapierError } = require('../lib/switchboard-error');

// A call that does not exist (or belongs to another account) is "nothing found", not an error.
const perform = async (z, bundle) => {
  const response = await z.request({
    url: apiUrl(z, bundle, `/calls/${encodeURIComponent(String(bundle.inputData.call_id).trim())}`),
    skipThrowForStatus: true,
  });
  if (response.status === 404) return [];
  if (response.status >= 400) throw toZapierError(z, response);
  return [response.data];
};

module.exports = {
  key: 'find_call',
  noun: 'Call',
  display: {
    label: 'Find Call',
    description: 'Finds a call by its ID, with its current status, duration, transcript and summary.',
  },
  operation: {
    inputFields: [{ key: 'call_id', label: 'Call ID', required: true, helpText: 'The call\'s ID (call_…), e.g. from Launch Call or New Call.' }],
    perform,
    sample: CALL_SAMPLE,
    outputFields: CALL_OUTPUT_FIELDS,
  },
};
