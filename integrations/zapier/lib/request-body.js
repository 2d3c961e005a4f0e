'use strict';

const isEmpty = (value) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

// Zapier hands over a field the user left empty, or mapped from an empty value, as "", null or an
// empty list or dict. Left out is what that means to Switchboard ("don't set it"), so it is left out.
function withoutEmptyFields(fields) {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => !isEmpty(value)));
}

// A dict field (variables, metadata) as Switchboard's flat string map: values mapped from numbers
// or booleans in earlier steps become their text; empty keys are dropped.
function stringMap(dict) {
  if (!dict || typeof dict !== 'object') return undefined;
  const entries = Object.entries(dict)
    .filter(([key, value]) => key.trim() !== '' && value !== undefined && value !== null)
    .map(([key, value]) => [key.trim(), typeof value === 'string' ? value : JSON.stringify(value)]);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

// An integer field's value: typed digits become a number; anything else goes as given, so that
// Switchboard's 400 names the field and says what it expects.
function integerValue(value) {
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return value;
}

module.exports = { withoutEmptyFields, stringMap, integerValue };
