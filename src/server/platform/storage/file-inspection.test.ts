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
