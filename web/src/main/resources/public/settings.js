// Where the page keeps what the user chose: the key for this tab only, the API base URL and language for good.

const KEY_ITEM = 'studentapi.apiKey';
const BASE_ITEM = 'studentapi.apiBaseUrl';
const LANGUAGE_ITEM = 'studentapi.language';

function read(storage, item) {
  try {
    return storage.getItem(item);
  } catch {
    return null; // storage disabled: the page still works, it only forgets
  }
}

function write(storage, item, value) {
  try {
    if (value === null || value === '') storage.removeItem(item);
    else storage.setItem(item, value);
  } catch {
    // storage disabled or full: keep working without remembering
  }
}

/** The API key lives in sessionStorage, so closing the tab forgets it. */
export const apiKeyStore = {
  get: () => read(sessionStorage, KEY_ITEM) ?? '',
  set: (value) => write(sessionStorage, KEY_ITEM, value.trim()),
  clear: () => write(sessionStorage, KEY_ITEM, null),
};

export const languageStore = {
  get: () => read(localStorage, LANGUAGE_ITEM),
  set: (value) => write(localStorage, LANGUAGE_ITEM, value),
};

export const baseUrlStore = {
  get: () => read(localStorage, BASE_ITEM),
  set: (value) => write(localStorage, BASE_ITEM, value),
  clear: () => write(localStorage, BASE_ITEM, null),
};

/** An absolute http(s) URL without a trailing slash, or null when text is not one. */
export function normalizeBaseUrl(text, relativeTo) {
  let url;
  try {
    url = new URL(String(text).trim(), relativeTo);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

/**
 * The default base URL: apiBaseUrl from config.json next to the page (resolved against the page URL),
 * else ./prod resolved against the page URL. Returns { url, source: 'config' | 'default' }.
 */
export async function defaultBaseUrl(pageUrl, fetchImpl = (...args) => fetch(...args)) {
  const configUrl = new URL('config.json', pageUrl);
  try {
    const response = await fetchImpl(configUrl, {
      cache: 'no-store',
      credentials: 'same-origin',
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) {
      const config = await response.json();
      const url = normalizeBaseUrl(config?.apiBaseUrl ?? '', configUrl);
      if (config?.apiBaseUrl && url) return { url, source: 'config' };
    }
  } catch {
    // no config.json, or not JSON: fall back to the page's own /prod
  }
  return { url: normalizeBaseUrl('./prod', pageUrl), source: 'default' };
}
