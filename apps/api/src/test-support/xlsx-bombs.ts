// Spreadsheet bombs for the import tests (ledgers, enterprise registry): built from a valid workbook.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type JSZip from 'jszip';

export const MB = 1024 * 1024;

/** Appends `count` shared strings of `size` characters each, streamed into the zip (never all in memory). */
export async function withSharedStrings(zip: JSZip, count: number, size: number): Promise<Buffer> {
  const original = await zip.file('xl/sharedStrings.xml')!.async('string');
  const cut = original.lastIndexOf('</sst>');
  const chunk = `<si><t>${'a'.repeat(size)}</t></si>`;
  let i = 0;
  const stream = new Readable({
    read() {
      if (i === 0) this.push(original.slice(0, cut));
      if (i < count) this.push(chunk);
      else if (i === count) this.push('</sst>');
      else this.push(null);
      i++;
    },
  });
  zip.file('xl/sharedStrings.xml', stream);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 }, streamFiles: true });
}

/**
 * `megabytes` MB of incompressible text in shared strings: passes the zip directory check (its ratio
 * is honest) but does not fit a small worker heap.
 */
export async function withIncompressibleStrings(zip: JSZip, megabytes: number): Promise<Buffer> {
  const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', sst.replace('</sst>', Array.from({ length: megabytes }, () => `<si><t>${randomBytes(512 * 1024).toString('hex')}</t></si>`).join('') + '</sst>'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
