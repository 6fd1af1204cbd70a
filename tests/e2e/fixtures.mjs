// Shared by the case-work browser tests: calendar dates in Warsaw, Polish amounts, the households a user may and may not
// open, and API calls made with a page's session (for setup and for checking what the UI did).
import assert from 'node:assert/strict';

export const iso = (d) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(d);
export const TODAY = iso(new Date());
export const addDays = (isoDate, n) => {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** "2026-11-24" → "24.11.2026" */
export const pl = (isoDate) => isoDate.split('-').reverse().join('.');
/** A string as a RegExp source matching it literally. */
export const re = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
/** Grosze as the UI and the server write them: 99950 → "999,50 zł", 122900 → "1 229,00 zł" (plain spaces). */
export const zl = (grosze) => `${String(Math.floor(grosze / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(grosze % 100).padStart(2, '0')} zł`;
/** Visible text on one line: every run of white space (also the UI's non-breaking spaces in amounts) as one space. */
export const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

export const api = {
  async get(page, path) {
    const res = await page.request.get(path);
    return { status: res.status(), json: res.headers()['content-type']?.includes('json') ? await res.json() : null };
  },
  /** A POST with the page's session cookie and its CSRF token (from GET /me), as the UI sends it. */
  async post(page, path, body) {
    const me = await (await page.request.get('/api/v1/me')).json();
    const res = await page.request.post(path, { data: body, headers: { 'X-CSRF-Token': me.csrf_token } });
    const json = await res.json().catch(() => null);
    return { status: res.status(), json };
  },
};

/**
 * Households have no list in the API, so the tests find, through the API as the signed-in user, one household of
 * her own section (with members) and one of another section (403).
 */
export async function findHouseholds(page) {
  const me = (await api.get(page, '/api/v1/me')).json;
  const mine = new Set(me.sections.map((s) => s.id));
  let own = null, other = null;
  for (let id = 1; id <= 500 && !(own && other); id++) {
    const res = await page.request.get(`/api/v1/households/${id}`);
    if (res.status() === 404) break;
    if (res.status() === 200 && !own) {
      const hh = await res.json();
      if (mine.has(hh.section_id) && hh.members.length) own = hh;
    } else if (res.status() === 403 && !other) {
      other = id;
    }
  }
  assert.ok(own && other, 'the demo data has households in and outside the user\'s section');
  return { own, other };
}

export const headOf = (household) => household.members.find((m) => m.relation === 'head') ?? household.members[0];

/** Waits until the element's text (white space as single spaces) contains `want` — for live regions that update. */
export async function waitForText(page, selector, want) {
  await page.waitForFunction(([sel, w]) => (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').includes(w), [selector, want]);
}
