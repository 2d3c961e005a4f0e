'use strict';

// The contact object Switchboard answers with and delivers in contact.* events (lib/contacts/schemas.ts).

const CONTACT_SAMPLE = {
  id: 'contact_mi4q7x2a0k3v9d2r8s1f6h5j0',
  object: 'contact',
  external_id: 'hubspot-5012',
  phone: '+14155550123',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: 'Analytical Engines',
  metadata: { plan: 'gold' },
  created_at: '2026-11-30T09:00:00.000Z',
  updated_at: '2026-11-30T09:00:00.000Z',
};

const CONTACT_OUTPUT_FIELDS = [
  { key: 'id', label: 'Contact ID', type: 'string' },
  { key: 'external_id', label: 'External ID (your CRM id)', type: 'string' },
  { key: 'phone', label: 'Phone (E.164)', type: 'string' },
  { key: 'email', label: 'Email', type: 'string' },
  { key: 'first_name', label: 'First Name', type: 'string' },
  { key: 'last_name', label: 'Last Name', type: 'string' },
  { key: 'company', label: 'Company', type: 'string' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

module.exports = { CONTACT_SAMPLE, CONTACT_OUTPUT_FIELDS };
