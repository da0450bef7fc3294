// Browser checks of the built site in Debian's headless Chromium through playwright-core:
// - axe-core reports no violations on /en/, /sv/ and one policy page, at 1280, 375 and 320 px
//   wide, in the light and the dark colour scheme;
// - the language switcher on /en/ (and on a policy page) leads to the same page under /sv/,
//   with <html lang="sv">;
// - a deep link to one control (/en/#database-encryption) makes that control's body the :target,
//   opens its <details> and scrolls it into view; clicking the table of contents link to its
//   category does the same;
// - a deep link to an FAQ question opens and shows its answer; the header's "Report a vulnerability"
//   link on a policy page leads to the programme on the Trust Center;
// - the chooser at / stays (no blind redirect) and links to every locale;
// - no page logs an error or a Content-Security-Policy violation (the server sends _headers).
// Usage: node browser.mjs <public-dir>. Prints one line per check and "N passed, N failed".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { check, withBrowser } from './harness.mjs';

const require = createRequire(import.meta.url);
const publicDir = process.argv[2];
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

await withBrowser(publicDir, 'browser run', async ({ page, base }) => {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) problems.push(`request to another origin: ${request.url()}`);
  });
  const takeProblems = () => problems.splice(0, problems.length);

  // axe-core: the page's CSP forbids injected <script> elements, so axe is evaluated through
  // the DevTools protocol (page.evaluate), which CSP does not govern.
  const policyPage = 'en/responsible-disclosure/';
  for (const path of ['en/', 'sv/', policyPage]) {
    for (const width of [1280, 375, 320]) {
      for (const colorScheme of ['light', 'dark']) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto(base + path, { waitUntil: 'load' });
        await page.evaluate(axeSource);
        const results = await page.evaluate(() =>
          window.axe.run(document, { resultTypes: ['violations'] }),
        );
        const detail = results.violations
          .map(
            (v) =>
              `  ${v.id} (${v.impact}): ${v.help}\n` +
              v.nodes
                .slice(0, 5)
                .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`)
                .join('\n'),
          )
          .join('\n');
        // axe really ran: it reports the rules that passed too.
        check(`axe /${path} ${width}px ${colorScheme}: 0 violations (${results.passes.length} rules passed)`, results.violations.length === 0 && results.passes.length > 20, detail);
        const seen = takeProblems();
        check(`/${path} ${width}px ${colorScheme}: no errors, CSP violations or foreign requests`, seen.length === 0, seen.join('\n'));
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });

  // The language switcher leads to the same page in the other locale.
  for (const [from, to] of [['en/', 'sv/'], [policyPage, policyPage.replace(/^en\//, 'sv/')]]) {
    await page.goto(base + from);
    const link = page.locator('nav.language-switcher a[hreflang="sv"]');
    const count = await link.count();
    if (count !== 1) {
      check(`language switcher on /${from} has one link to sv`, false, `found ${count}`);
      continue;
    }
    await Promise.all([page.waitForURL(base + to), link.click()]);
    const lang = await page.evaluate(() => document.documentElement.lang);
    check(`language switcher: /${from} -> ${page.url().slice(base.length - 1)} with lang="${lang}"`, page.url() === base + to && lang === 'sv', `expected /${to} and lang="sv"`);
  }

  // A deep link to one control: the control is the :target and ends up on screen (the theme may
  // scroll smoothly, so wait for the scroll to settle).
  const inView = async (id) => {
    await page
      .waitForFunction(
        (target) => {
          const box = document.getElementById(target)?.getBoundingClientRect();
          return box && box.top >= 0 && box.top < window.innerHeight;
        },
        id,
        { timeout: 5000 },
      )
      .catch(() => {});
    return page.evaluate((target) => {
      const element = document.getElementById(target);
      if (!element) return { exists: false };
      const box = element.getBoundingClientRect();
      return {
        exists: true,
        isTarget: document.querySelector(':target') === element,
        visible: box.top >= 0 && box.top < window.innerHeight && box.height > 0,
        top: Math.round(box.top),
        scrollY: Math.round(window.scrollY),
        status: element.getAttribute('data-status'),
        open: element.closest('details')?.open ?? true,
      };
    }, id);
  };
  await page.goto(base + 'en/#database-encryption');
  let state = await inView('database-encryption');
  check('deep link /en/#database-encryption: the control is the :target and in view', state.exists && state.isTarget && state.visible && state.scrollY > 0 && !!state.status && state.open, JSON.stringify(state));

  // A deep link to an FAQ question opens and shows its answer without JavaScript (the id is on
  // the answer inside the <details>), and the header's "Report a vulnerability" link reaches
  // the programme.
  // (Reduced motion: the theme then jumps instead of scrolling smoothly down a long page.)
  // A new document load, as when the link is followed from an e-mail.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(base + 'en/privacy/');
  await page.goto(base + 'en/#where-is-data-stored');
  state = await inView('where-is-data-stored');
  const answer = await page.evaluate(() => {
    const body = document.querySelector('#where-is-data-stored.faq__answer');
    const box = body?.getBoundingClientRect();
    return { text: body?.innerText.trim().length ?? 0, height: box ? Math.round(box.height) : 0 };
  });
  check('deep link /en/#where-is-data-stored: the question is the :target, its answer shown', state.exists && state.isTarget && state.visible && state.open && answer.text > 0 && answer.height > 0, JSON.stringify({ state, answer }));
  await page.goto(base + 'en/privacy/');
  await page.locator('header a.site-header__report').click();
  await page.waitForURL(base + 'en/#vulnerability-disclosure');
  state = await inView('vulnerability-disclosure');
  check('header link "Report a vulnerability": the programme is the :target and in view', state.exists && state.isTarget && state.visible, JSON.stringify(state));
  await page.emulateMedia({ reducedMotion: null });

  // Clicking an in-page link to the control's category (table of contents).
  await page.goto(base + 'en/');
  const category = await page.evaluate(
    () => document.getElementById('database-encryption')?.closest('section[id]')?.id ?? '',
  );
  const tocLink = page.locator(`nav.toc a[href="#${category}"]`);
  if (category && (await tocLink.count()) === 1) {
    await tocLink.click();
    await page.waitForURL(base + 'en/#' + category);
    state = await inView(category);
    check(`table of contents link #${category}: the category is the :target and in view`, state.exists && state.isTarget && state.visible && state.scrollY > 0, JSON.stringify(state));
  } else {
    check('table of contents links to the category of database-encryption', false, `category "${category}"`);
  }

  // 404: an unknown URL gets 404.html, which links back to every locale.
  const missing = await page.goto(base + 'en/no-such-page/');
  const back = await page.evaluate(() => [...document.querySelectorAll('main a[hreflang]')].map((a) => a.getAttribute('hreflang')));
  check('unknown URL: 404 status and links back to en and sv', missing.status() === 404 && back.includes('en') && back.includes('sv'), JSON.stringify(back));
  takeProblems();  // the 404 response itself is expected

  // The chooser at / stays put (no blind redirect) and offers every locale in its own language.
  await page.goto(base);
  await page.waitForTimeout(1500);
  const choices = await page.evaluate(() => [...document.querySelectorAll('main a[hreflang]')].map((a) => a.getAttribute('href')));
  check('/ shows the language chooser (no redirect) with links to en/ and sv/', page.url() === base && choices.includes('en/') && choices.includes('sv/'), JSON.stringify({ url: page.url(), choices }));
  const seen = takeProblems();
  check('navigation: no errors, CSP violations or foreign requests', seen.length === 0, seen.join('\n'));
});
