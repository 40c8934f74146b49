import {
  assetExportQuery,
  assetImportApplyResponse,
  assetImportParams,
  assetImportPreviewQuery,
  assetImportPreviewResponse,
  assetImportTemplateQuery,
  assetRegisterQuery,
  MAX_IMPORT_BYTES,
} from '@vigil/contracts';
import { sendDownload } from '../../http/download.js';
import { uploadedBytes, uploadScope } from '../../http/raw-upload.js';
import { type App, userCtxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** What browsers and scripts send for a CSV or XLSX file (Windows labels CSV as an Excel file). */
const UPLOAD_TYPES = new Set([
  'text/csv',
  'text/plain',
  'text/x-csv',
  'text/comma-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
]);

/** Asset import (CSV/XLSX preview and apply) and export (CSV/XLSX, the 資產清冊 record). */
export function assetIoRoutes(app: App, s: Services): void {
  const tags = ['assets'];
  const manage = { access: 'assets.manage' } as const;
  const read = { access: 'assets.read' } as const;

  // The upload takes a file as the raw body, with a larger body limit (see uploadScope).
  uploadScope(
    app,
    {
      as: 'buffer',
      maxBytes: MAX_IMPORT_BYTES,
      types: {
        accept: UPLOAD_TYPES,
        code: 'import.unsupported_type',
        message: 'send the file as text/csv, an XLSX or application/octet-stream',
      },
    },
    (scope) => {
      scope.post(
        '/api/assets/import/preview',
        {
          config: manage,
          bodyLimit: MAX_IMPORT_BYTES,
          schema: {
            tags,
            summary: 'Upload a CSV or XLSX file (raw body) and preview the import',
            querystring: assetImportPreviewQuery,
            response: { 200: assetImportPreviewResponse },
          },
        },
        async (req) => s.assetIo.preview(userCtxOf(req), uploadedBytes(req.body), req.query),
      );
    },
  );

  app.post(
    '/api/assets/import/:id/apply',
    {
      config: manage,
      schema: { tags, params: assetImportParams, response: { 200: assetImportApplyResponse } },
    },
    async (req) => s.assetIo.apply(userCtxOf(req), req.params.id),
  );

  app.get(
    '/api/assets/import/template',
    { config: manage, schema: { tags, querystring: assetImportTemplateQuery } },
    async (req, reply) => sendDownload(reply, await s.assetIo.template(req.query.format, req.query.lang)),
  );

  app.get(
    '/api/assets/export',
    { config: read, schema: { tags, querystring: assetExportQuery } },
    async (req, reply) => sendDownload(reply, await s.assetIo.export(userCtxOf(req), req.query)),
  );

  app.get(
    '/api/assets/register',
    { config: read, schema: { tags, querystring: assetRegisterQuery } },
    async (req, reply) => sendDownload(reply, await s.assetIo.register(userCtxOf(req), req.query)),
  );
}
