'use strict';

const { apiUrl } = require('../lib/api-url');
const { CONTACT_OUTPUT_FIELDS, CONTACT_SAMPLE } = require('../lib/contact-object');
const { withoutEmptyFields } = require('../lib/request-body');

// Both filters given: the contact must match both. An empty list is Zapier's "nothing found".
const perform = async (z, bundle) => {
  const filters = withoutEmptyFields({ external_id: bundle.inputData.external_id, phone: bundle.inputData.phone });
  if (!Object.keys(filters).length) {
    throw new z.errors.Error('Enter an External ID or a Phone number to find a contact by.', 'missing_search_field', 400);
  }
  const response = await z.request({ url: apiUrl(z, bundle, '/contacts'), params: { ...filters, limit: 10 } });
  return response.data.data;
};

module.exports = {
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by your CRM\'s External ID or by phone number.',
  },
  operation: {
    inputFields: [
      { key: 'external_id', label: 'External ID', required: false, helpText: "Your CRM's id for the contact." },
      { key: 'phone', label: 'Phone', required: false, helpText: 'The contact\'s phone number in E.164 format, like +14155550123. With several matches, the newest contact comes first.' },
    ],
    perform,
    sample: CONTACT_SAMPLE,
    outputFields: CONTACT_OUTPUT_FIELDS,
  },
};
