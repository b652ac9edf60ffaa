/**
 * Reads PDFs off the event loop, within a time budget (docs/decisions/0034-pdf-check-in-workers.md).
 * A crafted PDF can keep a parser busy for seconds; in a worker it stalls nobody else, and past
 * its budget the check stops and the upload is refused as too complex to read. The pool is
 * started with the first PDF and its threads leave when idle.
 */
import { Piscina } from 'piscina';
import { projectPath } from '#server/platform/paths';

export type PdfCheck =
  | { ok: true; pages: number }
  | { ok: false; problem: 'corrupt_file' | 'pdf_active_content' | 'pdf_too_complex'; detail: string };

/** Time a PDF may take to read; a scanned 50-page filing reads in well under a second. */
const DEFAULT_BUDGET_MS = 5000;
/** Past this (the budget, plus time waiting for a free thread) the thread is stopped outright. */
const HARD_LIMIT_FACTOR = 4;

let pool: Piscina | null = null;

function workers(): Piscina {
  pool ??= new Piscina({
    // Plain JavaScript beside this module's source, so it runs the same under tsx and from dist/.
    filename: projectPath('src/server/platform/storage/pdf-check.worker.mjs'),
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
    // A PDF of at most the upload limit, parsed: a thread that needs more is stopped, not the server.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return pool;
}

export async function checkPdfInWorker(bytes: Buffer, budgetMs = DEFAULT_BUDGET_MS): Promise<PdfCheck> {
  try {
    return await workers().run({ bytes, budgetMs }, { signal: AbortSignal.timeout(budgetMs * HARD_LIMIT_FACTOR) });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'AbortError' || name === 'TimeoutError') {
      return {
        ok: false,
        problem: 'pdf_too_complex',
        detail: `PDF reading stopped after ${budgetMs * HARD_LIMIT_FACTOR} ms`,
      };
    }
    // The thread ran out of memory or died: the file is what made it so.
    return {
      ok: false,
      problem: 'pdf_too_complex',
      detail: `PDF could not be read within limits: ${(error as Error).message.slice(0, 120)}`,
    };
  }
}

/** Stops the pool's threads (on shutdown, so the process can end). */
export async function closePdfChecks(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
