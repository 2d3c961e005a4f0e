'use strict';

// The routing rule object Switchboard answers with (lib/routing/schemas.ts).

const ROUTING_RULE_SAMPLE = {
  id: 'rule_mi4q7x2a0k3v9d2r8s1f6h5j0',
  object: 'routing_rule',
  name: 'UK callers after hours',
  priority: 10,
  called_number: null,
  caller_prefix: '+44',
  schedule: { time_zone: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', end: '09:00' },
  action: 'forward',
  target: '+442079460000',
  created_at: '2026-11-30T09:00:00.000Z',
  updated_at: '2026-11-30T09:00:00.000Z',
};

const ROUTING_RULE_OUTPUT_FIELDS = [
  { key: 'id', label: 'Routing Rule ID', type: 'string' },
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'priority', label: 'Priority', type: 'integer' },
  { key: 'called_number', label: 'Called Number', type: 'string' },
  { key: 'caller_prefix', label: 'Caller Prefix', type: 'string' },
  { key: 'schedule__time_zone', label: 'Schedule Time Zone', type: 'string' },
  { key: 'schedule__start', label: 'Schedule Start', type: 'string' },
  { key: 'schedule__end', label: 'Schedule End', type: 'string' },
  { key: 'action', label: 'Action (agent or forward)', type: 'string' },
  { key: 'target', label: 'Target', type: 'string' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

module.exports = { ROUTING_RULE_SAMPLE, ROUTING_RULE_OUTPUT_FIELDS };
