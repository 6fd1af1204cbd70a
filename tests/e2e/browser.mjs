// Browser helpers for the e2e tests: Debian's Chromium via playwright-core, login, screenshots, a11y checks.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

export const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const DEMO_PASSWORD = 'demo';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh context (own cookie jar) with a Polish locale and a typical office screen size. */
export async function newPage(browser, baseUrl) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'pl-PL', timezoneId: 'Europe/Warsaw', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.jsErrors = errors;
  return page;
}

export async function login(page, user, password = DEMO_PASSWORD) {
  await page.goto('/logowanie');
  await page.getByLabel('Login', { exact: true }).fill(user);
  await page.getByLabel('Hasło', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await page.getByRole('button', { name: 'Wyloguj się' }).waitFor();
}

/** Waits until the page has finished loading its data (no aria-busy, no "Wczytywanie…"). */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !document.querySelector('.loading'));
}

export async function shot(page, name) {
  await settled(page);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * Basic automated accessibility check of the current page: lang, one h1, landmarks, every form control
 * and button has an accessible name, images have alt, ids are unique, aria-describedby targets exist.
 */
export async function checkA11y(page, label = page.url()) {
  await settled(page);
  const problems = await page.evaluate(() => {
    const out = [];
    const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    if (document.documentElement.lang !== 'pl') out.push('html lang is not "pl"');
    if (!document.title.trim()) out.push('empty document title');
    const h1s = document.querySelectorAll('h1');
    if (h1s.length !== 1) out.push(`expected one h1, found ${h1s.length}`);
    if (document.querySelectorAll('main').length !== 1) out.push('expected exactly one <main>');
    if (document.querySelector('nav') && !document.querySelector('nav[aria-label]')) out.push('nav without aria-label');
    if (!document.querySelector('header')) out.push('no <header> landmark');
    const skip = document.querySelector('a.skip-link');
    if (!skip || !document.querySelector(skip.getAttribute('href'))) out.push('skip link missing or broken');

    const nameOf = (el) => {
      const labelledby = el.getAttribute('aria-labelledby');
      if (labelledby) return labelledby.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
      if (el.labels && el.labels.length) return Array.from(el.labels).map((l) => l.textContent).join(' ').trim();
      if (el.title) return el.title.trim();
      if (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName)) return el.textContent.trim();
      return '';
    };
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], summary')) {
      if (!visible(el) && el.type !== 'file') continue;
      if (!nameOf(el)) out.push(`no accessible name: <${el.tagName.toLowerCase()} ${el.name ? `name=${el.name}` : el.outerHTML.slice(0, 60)}>`);
    }
    for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) out.push(`img without alt: ${img.src}`);
    const ids = new Map();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) out.push(`duplicate id "${id}"`);
    for (const el of document.querySelectorAll('[aria-describedby]')) {
      for (const id of el.getAttribute('aria-describedby').split(' ').filter(Boolean)) {
        if (!document.getElementById(id)) out.push(`aria-describedby points to missing id "${id}"`);
      }
    }
    for (const t of document.querySelectorAll('table')) {
      if (!t.querySelector('caption') && !t.getAttribute('aria-label')) out.push('table without caption');
      if (!t.querySelector('th')) out.push('table without header cells');
    }
    // Text contrast (WCAG 1.4.3): every visible text node against its nearest opaque background.
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!n.textContent.trim() || !el || seen.has(el) || !visible(el) || el.closest('.visually-hidden, dialog:not([open]), option')) continue;
      seen.add(el);
      const style = getComputedStyle(el);
      if (Number(style.opacity) < 1) continue;
      const fg = rgb(style.color).slice(0, 3);
      const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`contrast ${ratio.toFixed(2)}:1 for "${n.textContent.trim().slice(0, 30)}"`);
    }
    const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4')).filter(visible).map((h) => Number(h.tagName[1]));
    headings.forEach((lvl, i) => { if (i && lvl > headings[i - 1] + 1) out.push(`heading level skipped: h${headings[i - 1]} → h${lvl}`); });
    return out;
  });
  assert.deepEqual(problems, [], `accessibility problems on ${label}:\n  ${problems.join('\n  ')}`);
  assert.deepEqual(page.jsErrors ?? [], [], `JavaScript errors on ${label}`);
}

/**
 * Opens each [path, screenshot] at the page's current (narrow) viewport: the a11y check, no horizontal scrolling of
 * the page (wide tables scroll inside their own region), a screenshot.
 */
export async function checkReflow(page, pages) {
  const width = page.viewportSize().width;
  for (const [path, file] of pages) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkA11y(page, `${path} (${width} px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls horizontally by ${overflow}px at ${width} px`);
    await shot(page, file);
  }
}

/** Name of the element that currently has keyboard focus (tag + text), for focus-management asserts. */
export function focusedText(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') || el.textContent || el.name || '').trim()}` : '';
  });
}
