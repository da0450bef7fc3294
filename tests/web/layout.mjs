// Layout checks of the built Trust Center in Debian's headless Chromium (playwright-core), the
// reader's view of issue 14:
// - page height of /en/ at most 8,000 px at 1280 px and 16,000 px at 375 px (issue 14), with
//   every control still on the page (one closed summary row each);
// - the first screen (1280x800) shows the title, the certifications with their status, all key
//   facts, the status counts, the update stamp and the header's link to report a vulnerability; at 375 px
//   the first 1.5 screens show all of them but the key facts, which must at least begin there;
// - a deep link #<control-id> opens that control's <details> and shows its description;
// - printed (Chromium --print-to-pdf), /en/ fits in at most 12 A4 pages and shows the control
//   descriptions, the canonical URL and the update date, and the five certification cards
//   share one row with their status words whole;
// - screenshots of /en/ and /sv/ at 1280 and 375 px, light and dark, and printed page 1 (as PNG
//   of the print layout) go to the directory given as the second argument.
// Usage: node layout.mjs <public-dir> <screenshot-dir>. Prints one line per check and
// "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, chromiumArgs, executablePath, withBrowser } from './harness.mjs';

const publicDir = process.argv[2];
const shots = process.argv[3];
mkdirSync(shots, { recursive: true });

// The number of pages of a PDF: its page objects (Chromium writes one "/Type /Page" each).
function pdfPageCount(file) {
  const text = readFileSync(file).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

await withBrowser(publicDir, 'layout run', async ({ page, base, profileDir }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });

  // Page heights, every control present as a row; screenshots in both schemes.
  const controlCount = (readFileSync(join(publicDir, 'en/index.html'), 'utf8').match(/<details class="control /g) ?? []).length;
  for (const [width, limit] of [[1280, 8000], [375, 16000]]) {
    for (const locale of ['en', 'sv']) {
      for (const colorScheme of ['light', 'dark']) {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme });
        await page.goto(`${base}${locale}/`, { waitUntil: 'load' });
        const m = await page.evaluate(() => ({
          height: document.documentElement.scrollHeight,
          rows: document.querySelectorAll('details.control > summary').length,
          open: document.querySelectorAll('details.control[open]').length,
        }));
        if (locale === 'en' && colorScheme === 'light') {
          check(`/en/ at ${width}px: ${m.height} px tall (at most ${limit}), ${m.rows} control rows`, m.height <= limit && m.rows === controlCount && m.rows > 0 && m.open === 0, JSON.stringify({ ...m, controlCount }));
        }
        await page.screenshot({ path: join(shots, `${locale}-${width}-${colorScheme}.png`), fullPage: false });
        if (colorScheme === 'light') await page.screenshot({ path: join(shots, `${locale}-${width}-full.png`), fullPage: true });
      }
    }
  }

  // The first screen: everything a reviewer looks for, above the fold.
  await page.emulateMedia({ colorScheme: 'light' });
  for (const [width, fold] of [[1280, 800], [375, 1200]]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${base}en/`, { waitUntil: 'load' });
    const found = await page.evaluate((foldAt) => {
      const above = (selector) => {
        const all = [...document.querySelectorAll(selector)];
        return all.length > 0 && all.every((e) => {
          const box = e.getBoundingClientRect();
          return box.height > 0 && box.bottom + window.scrollY <= foldAt;
        });
      };
      const begins = (selector) => {
        const first = document.querySelector(selector)?.getBoundingClientRect();
        return !!first && first.height > 0 && first.top + window.scrollY < foldAt;
      };
      return {
        title: above('h1'),
        certifications: above('.glance-framework .status'),
        highlights: foldAt === 800 ? above('.highlight') : begins('.highlight'),
        statusCounts: above('.status-counts'),
        stamp: above('.hero__meta .stamp'),
        report: above('.site-header__report'),
        noLegendBox: document.querySelector('#status-legend').getBoundingClientRect().top + window.scrollY > foldAt,
      };
    }, fold);
    const missing = Object.entries(found).filter(([, ok]) => !ok).map(([what]) => what);
    check(`first screen at ${width}px (${fold} px): title, certifications, key facts, status counts, stamp, report link`, missing.length === 0, `missing: ${missing.join(', ')}`);
  }

  // A deep link opens its control (a new document load, as from an e-mail).
  await page.setViewportSize({ width: 1280, height: 800 });
  const id = 'database-encryption';
  await page.goto(`${base}en/privacy/`);
  await page.goto(`${base}en/#${id}`);
  await page.waitForTimeout(300);
  const deep = await page.evaluate((target) => {
    const body = document.getElementById(target);
    const details = body?.closest('details');
    const summary = details?.querySelector('summary')?.getBoundingClientRect();
    const box = body?.getBoundingClientRect();
    return {
      exists: !!body,
      open: !!details?.open,
      isTarget: document.querySelector(':target') === body,
      bodyShown: !!box && box.height > 0 && box.top >= 0 && box.top < window.innerHeight,
      summaryShown: !!summary && summary.top >= 0,
      status: body?.getAttribute('data-status'),
      others: document.querySelectorAll('details.control[open]').length,
    };
  }, id);
  check(`deep link /en/#${id} opens that control and shows it with its summary row`, deep.exists && deep.open && deep.isTarget && deep.bodyShown && deep.summaryShown && !!deep.status && deep.others === 1, JSON.stringify(deep));
  await page.screenshot({ path: join(shots, 'en-1280-deep-link.png') });

  // Print: A4, every control's description shown, the URL and the date in the print header.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.goto(`${base}en/`, { waitUntil: 'load' });
  const printed = await page.evaluate(() => {
    const descriptions = [...document.querySelectorAll('details.control .control__description')];
    const header = document.querySelector('.print-header');
    return {
      descriptions: descriptions.length,
      shown: descriptions.filter((d) => d.getBoundingClientRect().height > 0).length,
      header: header ? header.innerText : '',
    };
  });
  check(`print: all ${printed.descriptions} control descriptions shown`, printed.descriptions > 0 && printed.shown === printed.descriptions, JSON.stringify(printed));
  check('print: a header with the canonical URL and the update date', /https?:\/\//.test(printed.header) && /\d{4}-\d{2}-\d{2}/.test(printed.header), JSON.stringify(printed.header));
  // The certification cards on A4 (210 mm less the 12 mm margins: 703 px at 96 dpi): the
  // example's five share one row (not four and a lone fifth), every status word whole.
  await page.setViewportSize({ width: 703, height: 1000 });
  const cards = await page.evaluate(() => [...document.querySelectorAll('.glance-framework')].map((card) => {
    const box = card.getBoundingClientRect();
    const status = card.querySelector('.status');
    const word = status.getBoundingClientRect();
    return {
      top: Math.round(box.top),
      whole: word.left >= box.left - 0.5 && word.right <= box.right + 0.5 && status.scrollWidth <= status.clientWidth + 1,
    };
  }));
  check(`print: the ${cards.length} certification cards share one row, their status words whole`, cards.length === 5 && cards.every((card) => card.top === cards[0].top && card.whole), JSON.stringify(cards));
  await page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
  await page.screenshot({ path: join(shots, 'en-print-page-1.png') });
  await page.emulateMedia({ media: 'screen' });

  // The page count of Chromium's own print-to-PDF (the command line a reader's "Save as PDF" uses).
  const pdf = join(profileDir, 'en.pdf');
  const printProfile = mkdtempSync(join(tmpdir(), 'trustsite-print-'));
  execFileSync(executablePath, [...chromiumArgs, `--user-data-dir=${printProfile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `${base}en/`], { stdio: 'ignore', timeout: 120000 });
  rmSync(printProfile, { recursive: true, force: true });
  const pages = pdfPageCount(pdf);
  // The real printed page 1 as PNG too, where poppler's pdftoppm is installed (a picture only;
  // the checks above do not depend on it).
  try {
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(shots, 'en-print-pdf-page-1')], { stdio: 'ignore' });
  } catch {
    console.log('note: pdftoppm not found; en-print-pdf-page-1.png not written');
  }
  check(`print: /en/ is ${pages} A4 pages (at most 12)`, pages > 0 && pages <= 12, `${pages} pages`);
});
