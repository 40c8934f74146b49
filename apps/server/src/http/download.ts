import { contentDisposition } from '@vigil/reports';
import type { FastifyReply } from 'fastify';

/** A generated file (export, record, template) on its way to the browser. */
export interface DownloadFile {
  body: Buffer;
  contentType: string;
  /** May hold Chinese; sent as an ASCII fallback plus RFC 5987 `filename*`. */
  fileName: string;
}

/** Answers with the file as an attachment (the security headers already forbid content sniffing). */
export function sendDownload(reply: FastifyReply, file: DownloadFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(file.fileName))
    .send(file.body);
}
