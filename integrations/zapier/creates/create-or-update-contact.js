'use strict';

const { apiUrl } = require('../lib/api-url');
const { CONTACT_OUTPUT_FIELDS, CONTACT_SAMPLE } = require('../lib/contact-object');
const { stringMap, withoutEmptyFields } = require('../lib/request-body');

const perform = async (z, bundle) => {
  const input = bundle.inputData;
  const response = await z.request({
    method: 'POST',
    url: apiUrl(z, bundle, '/contacts'),
    body: withoutEmptyFields({
      external_id: input.external_id,
      phone: input.phone,
      email: input.email,
      first_name: input.first_name,
      last_name: input.last_name,
      company: input.company,
      metadata: stringMap(input.metadata),
    }),
  });
  return response.data;
};

module.exports = {
  key: 'create_or_update_contact',
  noun: 'Contact',
  display: {
    label: 'Create or Update Contact',
    description: 'Syncs a contact from your CRM: updates the contact with this External ID, or creates one.',
  },
  operation: {
    inputFields: [
      {
        key: 'external_id',
        label: 'External ID',
        required: false,
        helpText: "Your CRM's id for this contact (up to 255 characters). A contact with this External ID is updated: the fields you fill in replace its stored ones, empty fields keep theirs. Without it, a new contact is created.",
      },
      { key: 'phone', label: 'Phone', required: false, helpText: 'Phone number in E.164 format, like +14155550123.' },
      { key: 'email', label: 'Email', required: false, helpText: 'Email address, like ada@example.com.' },
      { key: 'first_name', label: 'First Name', required: false, helpText: 'Up to 100 characters.' },
      { key: 'last_name', label: 'Last Name', required: false, helpText: 'Up to 100 characters.' },
      { key: 'company', label: 'Company', required: false, helpText: 'Up to 200 characters.' },
      { key: 'metadata', label: 'Metadata', dict: true, required: false, helpText: 'Your own data, e.g. plan → gold. Replaces the stored metadata as a whole. Up to 50 entries.' },
    ],
    perform,
    sample: CONTACT_SAMPLE,
    outputFields: CONTACT_OUTPUT_FIELDS,
  },
};
