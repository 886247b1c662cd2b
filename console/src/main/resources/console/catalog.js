// What the pages share: every API key, every usage plan, which keys each plan has, and (when the server
// offers them) each key's last use and expiry from /studentapi/apikeys.
import { all, call, enc, ApiError } from './api.js';

export async function loadCatalog() {
  const [keys, plans, extras] = await Promise.all([all('/apikeys'), all('/usageplans'), keyExtras()]);
  const planKeys = new Map();
  await Promise.all(plans.map(async (plan) => {
    planKeys.set(plan.id, await all(`/usageplans/${enc(plan.id)}/keys`));
  }));
  const plansOfKey = new Map(keys.map((key) => [key.id, []]));
  for (const plan of plans) {
    for (const member of planKeys.get(plan.id)) {
      if (plansOfKey.has(member.id)) plansOfKey.get(member.id).push(plan);
    }
  }
  keys.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  plans.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { keys, plans, planKeys, plansOfKey, extras };
}

async function keyExtras() {
  try {
    const answer = await call('GET', '/studentapi/apikeys');
    return new Map(((answer && answer.items) || []).map((item) => [item.id, item]));
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return new Map();
    throw e;
  }
}
