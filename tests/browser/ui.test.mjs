// The web UI in a real browser: headless Chromium driven by playwright-core, against a
// server that tests/browser/run.sh starts over the example corpus. Run it through run.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.BASE_URL;
const ARTIFACTS = process.env.ARTIFACTS ?? 'target/browser-artifacts';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
/** Messages the browser logged as errors (a blocked script or style shows up here). */
const consoleErrors = [];

before(async () => {
  assert.ok(BASE_URL, 'BASE_URL is not set: run tests/browser/run.sh');
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Root in containers cannot use Chromium's sandbox.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
});

async function newPage(viewport = DESKTOP, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    // The refused ingest answers 401 on purpose; anything else is a fault.
    if (message.type() === 'error' && !message.text().includes('status of 401')) {
      consoleErrors.push(`${page.url()}: ${message.text()}`);
    }
  });
  return page;
}

async function visit(page, path) {
  const response = await page.goto(new URL(path, BASE_URL).href);
  assert.ok(response, `no response for ${path}`);
  return response;
}

/** The first story's address and its timeline's event links. */
async function storyAndEvents(page) {
  await visit(page, '/');
  const storyHref = await page.locator('ol.stories > li h2 a').first().getAttribute('href');
  await visit(page, storyHref);
  const eventHrefs = await page.locator('.timeline-entry h3 a').evaluateAll(
    (links) => links.map((link) => link.getAttribute('href')),
  );
  return { storyHref, eventHrefs };
}

/** The story's event addresses, the events with most articles first. */
async function eventsBySize(page) {
  const { eventHrefs } = await storyAndEvents(page);
  const counts = await page.locator('.timeline-entry').evaluateAll((entries) =>
    entries.map((entry) => Number(/(\d+) articles?/.exec(entry.querySelector('.meta').textContent)[1])),
  );
  return eventHrefs
    .map((href, index) => ({ href, articles: counts[index] }))
    .sort((a, b) => b.articles - a.articles)
    .map((event) => event.href);
}

/** An event page holding a fact of one of these statuses (the largest such event), and that
 * fact's item. */
async function eventWithStatus(page, statuses) {
  for (const href of await eventsBySize(page)) {
    await visit(page, href);
    for (const status of statuses) {
      const fact = page.locator(`ol.facts > li.fact.${status}`).first();
      if (await fact.count()) return { href, status, fact };
    }
  }
  return null;
}

test('the front page lists the story, whose timeline holds three events', async () => {
  const page = await newPage();
  const response = await visit(page, '/');
  assert.equal(response.status(), 200);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const stories = page.locator('ol.stories > li');
  assert.ok((await stories.count()) >= 1, 'no story listed');
  const meta = await stories.first().locator('.meta').innerText();
  assert.match(meta, /3 events/);
  assert.match(meta, /5 articles/);

  const { eventHrefs } = await storyAndEvents(page);
  assert.equal(eventHrefs.length, 3, `timeline events: ${eventHrefs}`);
  const dates = await page.locator('.timeline-entry .when').allInnerTexts();
  assert.deepEqual([...dates].sort(), dates, 'timeline not in time order');
  await page.close();
});

test('a conflicting or single-source fact is shown with its status badge and colour', async () => {
  const page = await newPage();
  const found = await eventWithStatus(page, ['conflicting', 'single-source']);
  assert.ok(found, 'no event has a conflicting or single-source fact');
  const badge = found.fact.locator('.badge');
  assert.match(await badge.innerText(), found.status === 'conflicting' ? /conflicting/i : /single source/i);
  const colours = await found.fact.evaluate((item) => {
    const style = getComputedStyle(item);
    return { background: style.backgroundColor, border: style.borderLeftColor };
  });
  assert.notEqual(colours.background, 'rgba(0, 0, 0, 0)', 'the fact has no status colour');
  const corroborated = page.locator('ol.facts > li.fact.corroborated').first();
  if (await corroborated.count()) {
    const other = await corroborated.evaluate((item) => getComputedStyle(item).backgroundColor);
    assert.notEqual(other, colours.background, 'statuses share one colour');
  }
  await page.close();
});

test('clicking a fact marks its evidence sentences in the source columns', async () => {
  const page = await newPage();
  const found = await eventWithStatus(page, ['corroborated', 'conflicting', 'single-source']);
  assert.ok(found, 'no event with facts');
  const link = found.fact.locator('a.fact-link');
  const factId = await link.getAttribute('data-fact');
  const statement = await link.innerText();
  assert.equal(await page.locator('.sentence.marked').count(), 0);

  await link.click();
  await page.waitForSelector('.sentence.marked');
  assert.match(page.url(), new RegExp(`[?&]fact=${factId}`));
  const marked = await page.locator('.source-column .sentence.marked').evaluateAll((sentences) =>
    sentences.map((sentence) => ({
      facts: sentence.dataset.facts.split(' '),
      column: sentence.closest('.source-column').id,
      visible: sentence.getBoundingClientRect().height > 0,
    })),
  );
  assert.ok(marked.length >= 1);
  for (const sentence of marked) {
    assert.ok(sentence.facts.includes(factId), 'a sentence of another fact is marked');
    assert.ok(sentence.visible);
  }
  if (found.status === 'corroborated') {
    const columns = new Set(marked.map((sentence) => sentence.column));
    assert.ok(columns.size >= 2, 'a corroborated fact is marked in one column only');
  }
  assert.match(await page.locator('#selection').innerText(), /Marked/);
  const colour = await page
    .locator('.sentence.marked')
    .first()
    .evaluate((sentence) => getComputedStyle(sentence).backgroundColor);
  assert.notEqual(colour, 'rgba(0, 0, 0, 0)');
  await page.screenshot({ path: join(ARTIFACTS, 'event-fact-marked-desktop.png') });

  // The same address without JavaScript: the server marks the same sentences.
  const plain = await newPage(DESKTOP, { javaScriptEnabled: false });
  await visit(plain, page.url());
  const serverMarked = await plain.locator('.sentence.marked').count();
  assert.equal(serverMarked, marked.length);
  assert.match(await plain.locator('#selection').innerText(), new RegExp(statement.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await plain.locator(`li.fact.selected a[data-fact="${factId}"]`).count(), 1);
  const jump = plain.locator('.evidence-jump a').first();
  const target = (await jump.getAttribute('href')).slice(1);
  assert.equal(await plain.locator(`[id="${target}"].marked`).count(), 1);
  await plain.close();
  await page.close();
});

test('search finds an entity by a variant spelling taken from the entities page', async () => {
  const page = await newPage();
  await visit(page, '/entities');
  const card = page.locator('ul.entities > li').filter({ has: page.locator('.variant') }).first();
  assert.ok(await card.count(), 'no entity with a variant spelling');
  const name = await card.locator('h2 a').innerText();
  const variant = await card.locator('.variant').first().innerText();
  assert.notEqual(variant, name);

  await page.fill('#search-q', variant);
  await page.press('#search-q', 'Enter');
  await page.waitForURL(/\/search\?q=/);
  const entities = await page.locator('ul.results.entities > li > a').allInnerTexts();
  assert.ok(entities.includes(name), `${name} not found by "${variant}": ${entities}`);
  await page.close();
});

test('ingest without a token is refused and stores nothing', async () => {
  const before = await (await fetch(new URL('/api/v1/articles?limit=1000', BASE_URL))).json();
  const page = await newPage();
  await visit(page, '/ingest');
  await page.fill('#ingest-content', 'A test report that must not be stored. Officials met on Monday to talk.');
  await page.fill('#ingest-title', 'Refused report');
  const [response] = await Promise.all([
    page.waitForResponse((reply) => reply.url().endsWith('/ingest') && reply.request().method() === 'POST'),
    page.click('form.ingest button[type=submit]'),
  ]);
  assert.equal(response.status(), 401);
  assert.match(await page.locator('.error-message').innerText(), /401/);
  // The text comes back for another try; the token field stays empty.
  assert.match(await page.inputValue('#ingest-content'), /must not be stored/);
  assert.equal(await page.inputValue('#ingest-token'), '');
  const afterwards = await (await fetch(new URL('/api/v1/articles?limit=1000', BASE_URL))).json();
  assert.equal(afterwards.length, before.length);

  const wrong = await fetch(new URL('/ingest', BASE_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ content: 'Another text.', token: 'not-the-token' }),
  });
  assert.equal(wrong.status, 401);
  assert.match(wrong.headers.get('content-type'), /text\/html/);
  await page.close();
});

test('the keyboard reaches a skip link first and focus is visible', async () => {
  const page = await newPage();
  await visit(page, '/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({
    text: document.activeElement.textContent,
    href: document.activeElement.getAttribute('href'),
    outline: getComputedStyle(document.activeElement).outlineStyle,
  }));
  assert.equal(focused.href, '#main');
  assert.match(focused.text, /Skip to content/);
  assert.notEqual(focused.outline, 'none');
  for (const id of ['search-q']) {
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `input ${id} has no label`);
  }
  await page.close();
});

/** Every kind of page, by a name for its screenshot. */
async function allPages() {
  const page = await newPage();
  const { storyHref } = await storyAndEvents(page);
  const eventHrefs = await eventsBySize(page);
  await visit(page, eventHrefs[0]);
  const articleHref = await page.locator('.source-column h3 a').first().getAttribute('href');
  await visit(page, '/entities');
  const entityHref = await page.locator('ul.entities > li h2 a').first().getAttribute('href');
  const entityName = await page.locator('ul.entities > li h2 a').first().innerText();
  await page.close();
  return {
    stories: '/',
    story: storyHref,
    event: eventHrefs[0],
    article: articleHref,
    entities: '/entities',
    entity: entityHref,
    search: `/search?q=${encodeURIComponent(entityName)}`,
    ingest: '/ingest',
  };
}

test('every page fits a phone screen without horizontal scrolling; screenshots', async () => {
  const pages = await allPages();
  for (const [name, path] of Object.entries(pages)) {
    for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
      const page = await newPage(viewport);
      const response = await visit(page, path);
      assert.equal(response.status(), 200, `${path}: ${response.status()}`);
      if (size === 'phone') {
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        assert.ok(widths.scroll <= widths.client, `${name} scrolls sideways at 390px: ${JSON.stringify(widths)}`);
        if (name === 'event') {
          // The source columns stack: each as wide as the page, one under the other.
          const boxes = await page.locator('.source-column').evaluateAll((columns) =>
            columns.map((column) => column.getBoundingClientRect()).map((box) => ({ x: box.x, y: box.y })),
          );
          for (let i = 1; i < boxes.length; i++) {
            assert.equal(boxes[i].x, boxes[0].x);
            assert.ok(boxes[i].y > boxes[i - 1].y);
          }
        }
      }
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${size}.png`), fullPage: true });
      await page.close();
    }
  }
  assert.deepEqual(consoleErrors, [], 'the browser reported errors (a blocked asset?)');
});
