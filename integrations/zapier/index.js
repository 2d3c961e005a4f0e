'use strict';

const authentication = require('./authentication');
const { afterResponse, beforeRequest } = require('./lib/middleware');
const callCompleted = require('./triggers/call-completed');
const callFailed = require('./triggers/call-failed');
const callNotAnswered = require('./triggers/call-not-answered');
const inboundCallRouted = require('./triggers/inbound-call-routed');
const contactCreatedOrUpdated = require('./triggers/contact-created-or-updated');
const newCall = require('./triggers/new-call');
const launchCall = require('./creates/launch-call');
const createOrUpdateContact = require('./creates/create-or-update-contact');
const createRoutingRule = require('./creates/create-routing-rule');
const cancelCall = require('./creates/cancel-call');
const findContact = require('./searches/find-contact');
const findCall = require('./searches/find-call');

const byKey = (...definitions) => Object.fromEntries(definitions.map((definition) => [definition.key, definition]));

// The Switchboard app for Zapier (CommonJS: Zapier's runtime loads index.js with require).
module.exports = {
  version: require('./package.json').version,
  platformVersion: require('zapier-platform-core').version,

  authentication,
  beforeRequest,
  afterResponse,
  flags: {
    // Our afterResponse sees 429s too, so a throttled request carries Switchboard's message,
    // its Request-Id and its Retry-After (core's own ThrottledError would say only "429").
    throwForThrottlingEarly: false,
    // Every request goes through z.request; no third-party SDK needs Node's http module patched.
    skipHttpPatch: true,
  },

  triggers: byKey(callCompleted, callFailed, callNotAnswered, inboundCallRouted, contactCreatedOrUpdated, newCall),
  creates: byKey(launchCall, createOrUpdateContact, createRoutingRule, cancelCall),
  searches: byKey(findContact, findCall),
  searchOrCreates: {
    find_contact: {
      key: 'find_contact',
      display: {
        label: 'Find or Create Contact',
        description: 'Finds a contact by External ID or phone; creates it when there is none.',
      },
      search: 'find_contact',
      create: 'create_or_update_contact',
    },
  },
};
