// The console: sign-in, then four pages chosen by the URL's hash (#keys, #plans, #usage, #audit).
import { call, useToken, whenSignedOut } from './api.js';
import { $, clearErrors, clearMessages, fieldError, refusalText, say } from './dom.js';
import { initialLanguage, setLanguage, t } from './i18n.js';
import * as keysPage from './keys-page.js';
import * as plansPage from './plans-page.js';
import * as usagePage from './usage-page.js';
import * as auditPage from './audit-page.js';

const PAGES = { keys: keysPage, plans: plansPage, usage: usagePage, audit: auditPage };
let session = null;

function pageName() {
  const name = location.hash.replace(/^#/, '');
  return PAGES[name] ? name : 'keys';
}

function showOnly(id) {
  for (const section of document.querySelectorAll('main > section')) section.hidden = section.id !== id;
}

async function route() {
  if (!session) {
    showOnly('page-signin');
    return;
  }
  const name = pageName();
  for (const link of document.querySelectorAll('.nav-link')) {
    if (link.dataset.page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  showOnly(`page-${name}`);
  try {
    await PAGES[name].show();
  } catch (e) {
    say('error', refusalText(e));
  }
}

function signedIn(answer) {
  session = answer;
  useToken(answer.csrfToken);
  $('#signed-in-as').textContent = t('signedInAs', { id: answer.accessKeyId });
  $('#signed-in-as').hidden = false;
  $('#sign-out').hidden = false;
  $('#nav').hidden = false;
}

function signedOut(messageKey) {
  session = null;
  useToken(null);
  $('#signed-in-as').hidden = true;
  $('#sign-out').hidden = true;
  $('#nav').hidden = true;
  if (messageKey) say('info', t(messageKey));
  showOnly('page-signin');
  $('#signin-id').focus();
}

async function signIn(event) {
  event.preventDefault();
  const form = $('#signin-form');
  clearErrors(form);
  clearMessages();
  const accessKeyId = $('#signin-id').value.trim();
  const secretAccessKey = $('#signin-secret').value;
  if (!accessKeyId || !secretAccessKey) {
    fieldError('signin-secret', t('signin.required'));
    $('#signin-error').textContent = t('signin.required');
    $('#signin-error').hidden = false;
    return;
  }
  try {
    const answer = await call('POST', '/console/session', { accessKeyId, secretAccessKey });
    $('#signin-secret').value = '';
    signedIn(answer);
    await route();
    document.querySelector('main > section:not([hidden]) h1').focus();
  } catch (e) {
    const text = e.status === 401 ? t('signin.refused') : refusalText(e);
    $('#signin-secret').setAttribute('aria-invalid', 'true');
    $('#signin-error').textContent = text;
    $('#signin-error').hidden = false;
    $('#signin-secret').focus();
  }
}

async function signOut() {
  try {
    await call('DELETE', '/console/session');
  } finally {
    signedOut('signin.signedOut');
  }
}

async function start() {
  setLanguage(initialLanguage());
  $('#language').value = document.documentElement.lang;
  $('#language').addEventListener('change', () => {
    setLanguage($('#language').value);
    if (session) {
      $('#signed-in-as').textContent = t('signedInAs', { id: session.accessKeyId });
      route();
    }
  });
  $('#signin-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', signOut);
  whenSignedOut(() => signedOut('signin.expired'));
  window.addEventListener('hashchange', () => {
    clearMessages();
    route();
  });
  try {
    signedIn(await call('GET', '/console/session'));
  } catch (e) {
    session = null;
  }
  await route();
  document.documentElement.dataset.ready = 'true';
}

start();
