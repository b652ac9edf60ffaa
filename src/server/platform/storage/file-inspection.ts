/**
 * What an uploaded document really is, judged by its bytes alone (never by its name or the type
 * the client declared): PDF, JPEG or PNG, whole and readable, with its page count. A PDF's pages
 * are read from its page tree with pdf-lib (docs/decisions/0010-pdf-page-count.md), in a worker
 * thread within a time budget (pdf-check.ts); an image is one page.
 */
import { checkPdfInWorker } from './pdf-check';

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type Inspection =
  | { ok: true; mediaType: AttachmentMediaType; pages: number }
  | {
      ok: false;
      problem: 'unsupported_file_type' | 'corrupt_file' | 'pdf_active_content' | 'pdf_too_complex';
      detail: string;
    };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffType(bytes: Buffer): AttachmentMediaType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

const corrupt = (detail: string): Inspection => ({ ok: false, problem: 'corrupt_file', detail });

/** Walks the PNG chunks: IHDR first, lengths within the file, at least one IDAT, IEND last. */
function checkPng(bytes: Buffer): Inspection {
  let offset = 8;
  let first = true;
  let sawData = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) return corrupt('invalid PNG chunk type');
    if (first && (type !== 'IHDR' || length !== 13)) return corrupt('PNG does not begin with its header chunk');
    const end = offset + 12 + length;
    if (end > bytes.length) return corrupt('PNG chunk runs past the end of the file (truncated)');
    if (type === 'IHDR') {
      const width = bytes.readUInt32BE(offset + 8);
      const height = bytes.readUInt32BE(offset + 12);
      if (width === 0 || height === 0) return corrupt('PNG has no pixels');
    }
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND')
      return sawData ? { ok: true, mediaType: 'image/png', pages: 1 } : corrupt('PNG has no image data');
    first = false;
    offset = end;
  }
  return corrupt('PNG ends before its end chunk (truncated)');
}

/** Walks the JPEG segments up to the scan, then expects the end-of-image marker at the end. */
function checkJpeg(bytes: Buffer): Inspection {
  let offset = 2;
  let sawFrame = false;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return corrupt('invalid JPEG segment marker');
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd9) return corrupt('JPEG ends before its image data');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length)
      return corrupt('JPEG segment runs past the end of the file (truncated)');
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return corrupt('JPEG frame header too short');
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      if (width === 0) return corrupt('JPEG has no pixels');
      void height;
      sawFrame = true;
    }
    if (marker === 0xda) {
      if (!sawFrame) return corrupt('JPEG scan before its frame header');
      // The entropy-coded data follows; the file must end with the end-of-image marker
      // (a few padding bytes after it are tolerated, as some scanners write them).
      const tail = bytes.subarray(Math.max(offset, bytes.length - 64));
      for (let i = tail.length - 2; i >= 0; i--) {
        if (tail[i] === 0xff && tail[i + 1] === 0xd9) {
          if (tail.subarray(i + 2).every((b) => b === 0x00 || b === 0x0a || b === 0x0d || b === 0x20))
            return { ok: true, mediaType: 'image/jpeg', pages: 1 };
          break;
        }
      }
      return corrupt('JPEG ends without its end-of-image marker (truncated)');
    }
    offset += 2 + length;
  }
  return corrupt('JPEG ends before its image data (truncated)');
}

async function checkPdf(bytes: Buffer, budgetMs?: number): Promise<Inspection> {
  // A whole PDF ends with %%EOF (an incremental update adds another); a truncated one does not.
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) return corrupt('PDF ends without %%EOF (truncated)');
  const checked = await checkPdfInWorker(bytes, budgetMs);
  return checked.ok ? { ok: true, mediaType: 'application/pdf', pages: checked.pages } : checked;
}

/** `pdfBudgetMs`: how long a PDF may take to read (the default suits uploads; tests shorten it). */
export async function inspectFile(bytes: Buffer, pdfBudgetMs?: number): Promise<Inspection> {
  const type = sniffType(bytes);
  switch (type) {
    case 'application/pdf':
      return checkPdf(bytes, pdfBudgetMs);
    case 'image/jpeg':
      return checkJpeg(bytes);
    case 'image/png':
      return checkPng(bytes);
    default:
      return { ok: false, problem: 'unsupported_file_type', detail: 'not a PDF, JPEG or PNG' };
  }
}
