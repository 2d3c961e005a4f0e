'use strict';

const { apiUrl, PRODUCTION_BASE_URL } = require('./lib/api-url');
const { describeFailure, toZapierError } = require('./lib/switchboard-error');

// The connection test: GET /api/v1/me answers who the key belongs to. A refused key here is an
// ordinary error shown on the connect screen (the user fixes what they typed), not an expired
// connection.
const test = async (z, bundle) => {
  const response = await z.request({ url: apiUrl(z, bundle, '/me'), skipThrowForStatus: true });
  if (response.status === 401) {
    const failure = describeFailure(response);
    throw new z.errors.Error(failure.message, failure.code, failure.status);
  }
  if (response.status >= 400) throw toZapierError(z, response);
  return response.data;
};

// Zapier calls this with the test's answer (the /me account object) as bundle.inputData.
const connectionLabel = (z, bundle) => {
  const account = bundle.inputData;
  const keyName = account.api_key && typeof account.api_key === 'object' ? account.api_key.name : null;
  return keyName ? `${account.email} (${keyName})` : String(account.email);
};

module.exports = {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'In Switchboard: Profile Settings → Integration Settings → API Keys → Generate Key (starts with `sb_live_`). A Full access key can use every trigger and action; a Restricted key needs Calls, Contacts, Routing and Webhooks as your Zaps use them.',
    },
    {
      key: 'base_url',
      label: 'Server URL',
      type: 'string',
      required: false,
      default: PRODUCTION_BASE_URL,
      helpText: `Where your Switchboard runs. Keep ${PRODUCTION_BASE_URL} unless you use a self-hosted or test server; then enter its address, like https://switchboard.example.com.`,
    },
  ],
  test,
  connectionLabel,
};
