// @ts-check
/**
 * Reads an uploaded PDF in a worker thread (platform/storage/pdf-check.ts runs it through a
 * piscina pool): a crafted PDF can take seconds of CPU to parse, which must neither stall the
 * server's event loop nor run unbounded. Plain JavaScript, so the same file runs under tsx, the
 * tests and the built server without a compile step.
 *
 * The answer is the inspection's: `{ ok: true, pages }` or `{ ok: false, problem, detail }`.
 */
import { PDFDocument, ParseSpeeds } from 'pdf-lib';

/** Actions a reader would run or send out by itself: scripts, programs, form submissions. */
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'RichMediaExecute']);
/** Keys that hold a script or actions run on events (open, close, a page shown, a field changed). */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'AA']);

class OverBudget extends Error {}

/**
 * @param {{ bytes: Uint8Array, budgetMs: number }} task
 * @returns {Promise<{ ok: true, pages: number } | { ok: false, problem: 'corrupt_file' | 'pdf_active_content' | 'pdf_too_complex', detail: string }>}
 */
export default async function checkPdf({ bytes, budgetMs }) {
  const deadline = Date.now() + budgetMs;
  const overBudget = () => {
    if (Date.now() > deadline) throw new OverBudget();
  };
  const tooComplex = {
    ok: /** @type {const} */ (false),
    problem: /** @type {const} */ ('pdf_too_complex'),
    detail: `PDF takes more than ${budgetMs} ms to read`,
  };
  /** @type {PDFDocument} */
  let doc;
  try {
    // The parser yields every few objects; the timer stops it between them when the budget is spent.
    let timer;
    const timeUp = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new OverBudget()), budgetMs);
    });
    try {
      doc = await Promise.race([
        PDFDocument.load(bytes, {
          ignoreEncryption: true,
          updateMetadata: false,
          throwOnInvalidObject: true,
          parseSpeed: ParseSpeeds.Fast,
        }),
        timeUp,
      ]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    if (error instanceof OverBudget) return tooComplex;
    return {
      ok: false,
      problem: 'corrupt_file',
      detail: `PDF cannot be read: ${String(error?.message).slice(0, 120)}`,
    };
  }
  let pages;
  try {
    pages = doc.getPageCount();
  } catch (error) {
    return {
      ok: false,
      problem: 'corrupt_file',
      detail: `PDF page tree cannot be read: ${String(error?.message).slice(0, 120)}`,
    };
  }
  if (!Number.isInteger(pages) || pages < 1) return { ok: false, problem: 'corrupt_file', detail: 'PDF has no pages' };
  let active;
  try {
    active = activeContentOf(doc, overBudget);
  } catch (error) {
    if (error instanceof OverBudget) return tooComplex;
    throw error;
  }
  if (active) return { ok: false, problem: 'pdf_active_content', detail: `PDF carries ${active}` };
  return { ok: true, pages };
}

/**
 * What active content a PDF carries, if any, found in every object — those in compressed object
 * streams too, which pdf-lib has unpacked. Court staff open what the counter uploads: a document
 * that runs a script or a program when opened is refused, not passed on.
 *
 * @param {PDFDocument} doc
 * @param {() => void} overBudget
 */
function activeContentOf(doc, overBudget) {
  let visited = 0;
  const tick = () => {
    if (++visited % 1024 === 0) overBudget();
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const found = activeIn(object, 0, tick);
    if (found) return found;
  }
  return null;
}

/**
 * Walks one object's dictionaries and arrays (inline ones too: an action is often written inside the catalog).
 *
 * @param {any} value
 * @param {number} depth
 * @param {() => void} tick
 * @returns {string | null}
 */
function activeIn(value, depth, tick) {
  if (depth > 32) return null;
  tick();
  const dictionary = value?.dict ?? value;
  if (typeof dictionary?.entries === 'function') {
    for (const [key, item] of dictionary.entries()) {
      const name = decodedName(key.asString());
      if (ACTIVE_KEYS.has(name)) return `/${name}`;
      if (name === 'S') {
        const action = decodedName(String(item?.asString?.() ?? ''));
        if (ACTIVE_ACTIONS.has(action)) return `a /${action} action`;
      }
      const inner = activeIn(item, depth + 1, tick);
      if (inner) return inner;
    }
    return null;
  }
  if (typeof value?.asArray === 'function') {
    for (const item of value.asArray()) {
      const inner = activeIn(item, depth + 1, tick);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * A PDF name without its slash and with `#xx` escapes decoded: `/J#61vaScript` is `JavaScript`.
 *
 * @param {string} raw
 */
function decodedName(raw) {
  return raw
    .replace(/^\//, '')
    .replace(/#([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
}
