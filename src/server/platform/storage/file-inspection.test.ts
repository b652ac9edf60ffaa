import { describe, expect, it } from 'vitest';
import { EXE, JPEG, pdf, png } from '../../../../test/filings/files';
import { inspectFile, sniffType } from './file-inspection';

describe('attachments are judged by their bytes', () => {
  it('recognises PDF, JPEG and PNG by their magic bytes, whatever they are called', () => {
    expect(sniffType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(JPEG)).toBe('image/jpeg');
    expect(sniffType(png())).toBe('image/png');
    expect(sniffType(EXE)).toBeNull();
  });

  it("reads a PDF's page count from its page tree, with or without compressed object streams", async () => {
    expect(await inspectFile(await pdf(5, { objectStreams: true }))).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      pages: 5,
    });
    expect(await inspectFile(await pdf(2, { objectStreams: false }))).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      pages: 2,
    });
  });

  it('counts an image as one page', async () => {
    expect(await inspectFile(JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg', pages: 1 });
    expect(await inspectFile(png())).toEqual({ ok: true, mediaType: 'image/png', pages: 1 });
  });

  it('refuses truncated files as corrupt and anything else as unsupported', async () => {
    const whole = await pdf(3);
    for (const bytes of [
      whole.subarray(0, whole.length - 30),
      JPEG.subarray(0, 300),
      png().subarray(0, 50),
      Buffer.from('%PDF-1.4\n%%EOF'),
    ]) {
      expect((await inspectFile(bytes)).ok).toBe(false);
      expect(await inspectFile(bytes)).toMatchObject({ problem: 'corrupt_file' });
    }
    expect(await inspectFile(EXE)).toMatchObject({ ok: false, problem: 'unsupported_file_type' });
  });
});

describe('PDFs that would run something when opened', () => {
  async function pdfWith(
    change: (doc: import('pdf-lib').PDFDocument, lib: typeof import('pdf-lib')) => void,
    objectStreams = true,
  ) {
    const lib = await import('pdf-lib');
    const doc = await lib.PDFDocument.create();
    doc.addPage();
    change(doc, lib);
    return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
  }

  it('are refused when they carry a document-level script, even inside a compressed object stream', async () => {
    for (const objectStreams of [true, false]) {
      const bytes = await pdfWith((doc) => doc.addJavaScript('greeting', 'app.alert("hello")'), objectStreams);
      expect(await inspectFile(bytes)).toMatchObject({ ok: false, problem: 'pdf_active_content' });
    }
  });

  it('are refused when opening them launches a program or submits a form', async () => {
    for (const action of ['Launch', 'SubmitForm']) {
      const bytes = await pdfWith((doc, { PDFName }) => {
        doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: action, F: 'calc.exe' }));
      });
      expect(await inspectFile(bytes), action).toMatchObject({
        ok: false,
        problem: 'pdf_active_content',
        detail: `PDF carries a /${action} action`,
      });
    }
  });

  it('are refused when a page runs actions on its own events', async () => {
    const bytes = await pdfWith((doc, { PDFName }) => {
      doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'GoTo', D: [0, 'Fit'] } }));
    });
    expect(await inspectFile(bytes)).toMatchObject({
      ok: false,
      problem: 'pdf_active_content',
      detail: 'PDF carries /AA',
    });
  });

  it('are accepted when opening them only shows a page', async () => {
    const bytes = await pdfWith((doc, { PDFName }) => {
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([doc.getPage(0).ref, 'Fit']));
    });
    expect(await inspectFile(bytes)).toEqual({ ok: true, mediaType: 'application/pdf', pages: 1 });
  });
});

describe('a PDF that takes too long to read', () => {
  it('is refused as too complex once its time budget is spent, and the next PDF still reads', async () => {
    const lib = await import('pdf-lib');
    const doc = await lib.PDFDocument.create();
    for (let i = 0; i < 3000; i++) doc.addPage();
    const heavy = Buffer.from(await doc.save({ useObjectStreams: false }));
    // Six thousand objects cannot be read in a millisecond; the reader stops between them.
    expect(await inspectFile(heavy, 1)).toMatchObject({ ok: false, problem: 'pdf_too_complex' });
    expect(await inspectFile(heavy)).toEqual({ ok: true, mediaType: 'application/pdf', pages: 3000 });
    expect(await inspectFile(await pdf(2))).toEqual({ ok: true, mediaType: 'application/pdf', pages: 2 });
  });
});
