'use strict';

const { CONTACT_OUTPUT_FIELDS, CONTACT_SAMPLE } = require('../lib/contact-object');
const { eventSample } = require('../lib/event-item');
const { restHookTrigger } = require('../lib/rest-hook-trigger');

module.exports = restHookTrigger({
  key: 'contact_created_or_updated',
  noun: 'Contact',
  label: 'Contact Created or Updated',
  description: 'Triggers when a contact is added or changed in Switchboard (Event Type tells which: contact.created or contact.updated).',
  events: ['contact.created', 'contact.updated'],
  sample: eventSample('contact.created', CONTACT_SAMPLE),
  outputFields: CONTACT_OUTPUT_FIELDS,
});
