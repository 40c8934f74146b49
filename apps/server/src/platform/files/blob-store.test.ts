import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { BlobStore, type SniffedType } from './blob-store.js';
import { buildZip, MINIMAL_PDF, minimalDocx, minimalOdt, minimalXlsx, zipBomb } from './zip.testkit.js';

const MiB = 1024 * 1024;
let dir: string;
let store: BlobStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-blobs-'));
  store = new BlobStore(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every regular file under the store (temp files included), so "nothing left behind" can be asserted. */
function filesIn(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('BlobStore', () => {
  it('stores by hash under ab/cd/, read-only, and reads it back', async () => {
    const body = Buffer.from('政策文件 v1\n', 'utf8');
    const put = await store.put(body, { maxBytes: 1000 });
    expect(put).toEqual({ sha256: sha(body), size: body.length, contentType: 'text/plain' });
    const file = path.join(dir, put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o400);
    expect((await store.read(put.sha256)).equals(body)).toBe(true);
    expect(await store.has(put.sha256)).toBe(true);
  });

  it('stores identical content once', async () => {
    const a = await store.put(Buffer.from('same'), { maxBytes: 100 });
    const b = await store.put(Readable.from([Buffer.from('sa'), Buffer.from('me')]), { maxBytes: 100 });
    expect(b.sha256).toBe(a.sha256);
    expect(filesIn(dir)).toHaveLength(1);
  });

  it('streams large content and refuses one byte over the limit, leaving nothing behind', async () => {
    const chunks = Array.from({ length: 5 }, () => Buffer.alloc(MiB, 7));
    const ok = await store.put(Readable.from(chunks), { maxBytes: 5 * MiB });
    expect(ok.size).toBe(5 * MiB);
    const over = [...chunks, Buffer.alloc(1)];
    const err = await refusal(store.put(Readable.from(over), { maxBytes: 5 * MiB }));
    expect([err.statusCode, err.code]).toEqual([413, 'file.too_large']);
    expect(filesIn(dir)).toHaveLength(1);
  });

  it.each<[string, Buffer, SniffedType]>([
    ['PDF', MINIMAL_PDF, 'application/pdf'],
    ['PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'image/png'],
    ['JPEG', Buffer.from('ffd8ffe000104a464946', 'hex'), 'image/jpeg'],
    ['DOCX', minimalDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XLSX', minimalXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['ODT', minimalOdt(), 'application/vnd.oasis.opendocument.text'],
    ['plain ZIP', buildZip([{ name: 'a.txt', data: 'x' }]), 'application/zip'],
    ['UTF-8 text', Buffer.from('第一行\r\n\tsecond\n'), 'text/plain'],
    ['Windows EXE', Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), 'application/octet-stream'],
    ['Big5 text', Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]), 'application/octet-stream'],
    ['text with NUL', Buffer.from('a\u0000b'), 'application/octet-stream'],
  ])('tells %s by its content', async (_name, body, type) => {
    expect((await store.put(body, { maxBytes: MiB })).contentType).toBe(type);
  });

  it('refuses a type outside the allowed list with 415 and keeps nothing', async () => {
    const exe = Buffer.from('MZ\x90\x00fake executable named report.pdf', 'latin1');
    const err = await refusal(store.put(exe, { maxBytes: MiB, allowed: ['application/pdf'] }));
    expect([err.statusCode, err.code]).toEqual([415, 'file.type_not_allowed']);
    expect(filesIn(dir)).toEqual([]);
  });

  it('refuses a zip bomb dressed as a DOCX', async () => {
    const bomb = zipBomb(8);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const err = await refusal(store.put(bomb, { maxBytes: 20 * MiB }));
    expect([err.statusCode, err.code]).toEqual([400, 'file.unsafe_archive']);
    expect(err.details).toMatchObject({ reason: 'ratio' });
    expect(filesIn(dir)).toEqual([]);
  });

  it.each(['../evil.txt', 'word/../../evil', '/etc/passwd', 'C:/x', 'word\\..\\x', 'a\u0000b'])(
    'refuses an archive entry named %j',
    async (name) => {
      const zip = buildZip([
        { name: 'word/document.xml', data: '<w/>' },
        { name, data: 'x' },
      ]);
      const err = await refusal(store.put(zip, { maxBytes: MiB }));
      expect(err.code).toBe('file.unsafe_archive');
      expect(err.details).toMatchObject({ reason: 'path' });
      expect(filesIn(dir)).toEqual([]);
    },
  );

  it('refuses an archive whose headers understate the unpacked size', async () => {
    const zip = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(200_000, 1), claimedSize: 10 }]);
    const err = await refusal(store.put(zip, { maxBytes: MiB }));
    expect(err.code).toBe('file.unsafe_archive');
  });

  it('detects a stored file that was altered (verify and read)', async () => {
    const { sha256 } = await store.put(Buffer.from('original'), { maxBytes: 100 });
    expect(await store.verify(sha256)).toBe(true);
    const file = store.pathOf(sha256);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'tampered');
    expect(await store.verify(sha256)).toBe(false);
    const err = await refusal(store.read(sha256));
    expect(err.code).toBe('file.corrupt');
  });

  it('answers 404 for unknown or malformed names and never leaves the store', async () => {
    expect((await refusal(store.read('0'.repeat(64)))).statusCode).toBe(404);
    expect((await refusal(store.read('../../etc/passwd'))).statusCode).toBe(404);
    expect(await store.has('../x')).toBe(false);
  });

  it('removes a blob', async () => {
    const { sha256 } = await store.put(Buffer.from('bye'), { maxBytes: 100 });
    expect(await store.remove(sha256)).toBe(true);
    expect(await store.has(sha256)).toBe(false);
    expect(await store.remove(sha256)).toBe(false);
  });

  it('answers garbage with a type or a clear refusal, never a crash', async () => {
    const zipHead = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.boolean(), async (bytes, asZip) => {
        const body = asZip ? Buffer.concat([zipHead, Buffer.from(bytes)]) : Buffer.from(bytes);
        try {
          const put = await store.put(body, { maxBytes: 1500 });
          expect(put.size).toBe(body.length);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect(['file.too_large', 'file.unsafe_archive']).toContain((err as AppError).code);
        }
      }),
      { numRuns: 300 },
    );
    expect(filesIn(path.join(dir, '.tmp'))).toEqual([]);
  });
});
