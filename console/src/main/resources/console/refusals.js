// Which field a refusal of the control plane belongs to, by its stable code (x-studentapi-code).
import { fieldError, refusalText } from './dom.js';

const KEY_FIELDS = {
  KEY_NAME_REQUIRED: 'name',
  KEY_VALUE_TOO_SHORT: 'value',
  KEY_VALUE_TOO_LONG: 'value',
  KEY_VALUE_INVALID_CHARACTERS: 'value',
  KEY_VALUE_IN_USE: 'value',
};

const PLAN_FIELDS = {
  PLAN_NAME_REQUIRED: 'name',
  THROTTLE_INCOMPLETE: 'rate',
  THROTTLE_RATE_INVALID: 'rate',
  THROTTLE_BURST_INVALID: 'burst',
  QUOTA_INCOMPLETE: 'requests',
  QUOTA_LIMIT_INVALID: 'requests',
  QUOTA_PERIOD_INVALID: 'period',
  QUOTA_OFFSET_OUT_OF_RANGE: 'offset',
  API_STAGE_INVALID: 'stage',
  STAGE_NOT_SERVED: 'stage',
  STAGE_NOT_ON_PLAN: 'stage',
  API_NOT_FOUND: 'stage',
  KEY_ON_OTHER_PLAN_FOR_STAGE: 'stage',
};

const USAGE_FIELDS = {
  QUOTA_NOT_SET: 'requests',
  REMAINING_NEGATIVE: 'requests',
};

const TABLES = { key: KEY_FIELDS, plan: PLAN_FIELDS, grant: USAGE_FIELDS };

/** Shows `error` next to its field of the form whose controls are `${prefix}-<field>`, else at `${fallback}`. */
export function showRefusal(kind, prefix, fallback, error) {
  const field = TABLES[kind][error.code];
  const id = field ? `${prefix}-${field}` : fallback;
  fieldError(id, refusalText(error));
  return id;
}
