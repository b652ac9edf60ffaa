/**
 * When a browser test fails — an assertion, a wait that ran out, or the test's own time limit,
 * which names no line — every page still open is described on the test's output: its address, its
 * title, the alerts and invalid fields it shows, its last script errors and refused requests, and
 * a screenshot saved under test-results/failures (taken even when page checks are left out).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openPages } from './browser';

const FAILURE_DIR = path.resolve('test-results/failures');
/** A page that stopped answering must not hold up the next test. */
const PAGE_TIMEOUT_MS = 10_000;

function within<T>(work: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    work.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), PAGE_TIMEOUT_MS).unref()),
  ]);
}

const slug = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const pages = openPages();
  if (!pages.length) return;
  fs.mkdirSync(FAILURE_DIR, { recursive: true });
  const spec = slug(path.basename(task.file.name, '.spec.ts'));
  const lines = [`[failure] ${task.file.name} › ${task.name}: ${pages.length} page(s) open`];
  for (const [i, { page, events }] of pages.entries()) {
    const file = path.join(FAILURE_DIR, `${spec}-${slug(task.name)}-${i + 1}.png`);
    const shot = await within(
      page.screenshot({ path: file, fullPage: true, timeout: PAGE_TIMEOUT_MS }).then(() => file),
      'none (the page did not answer)',
    );
    const shown = await within(
      page.evaluate(() => {
        const text = (el: Element) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim().slice(0, 300);
        return {
          title: document.title,
          alerts: [...document.querySelectorAll('[role="alert"], .mantine-Notification-root')].map(text),
          invalid: [...document.querySelectorAll('[aria-invalid="true"]')].map(
            (el) => `${el.getAttribute('data-testid') ?? el.getAttribute('name') ?? el.id}`,
          ),
        };
      }),
      { title: '?', alerts: [] as string[], invalid: [] as string[] },
    );
    lines.push(`  page ${i + 1}: ${page.url()} «${shown.title}»`);
    lines.push(`    screenshot: ${shot}`);
    if (shown.alerts.length) lines.push(`    alerts: ${shown.alerts.join(' | ')}`);
    if (shown.invalid.length) lines.push(`    invalid fields: ${shown.invalid.join(', ')}`);
    for (const event of events) lines.push(`    ${event}`);
  }
  console.error(lines.join('\n'));
});
