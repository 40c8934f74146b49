import {
  frameworkDetail,
  frameworkImportQuery,
  frameworkImportResponse,
  frameworkKeyParams,
  frameworkList,
  frameworkVersionDetail,
  frameworkVersionParams,
  MAX_FRAMEWORK_FILE_BYTES,
} from '@vigil/contracts';
import { uploadedBytes, uploadScope } from '../../http/raw-upload.js';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/** What browsers and scripts send for a YAML or JSON file. The content itself decides whether it is valid. */
const UPLOAD_TYPES = new Set([
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
  'application/json',
  'text/json',
  'text/plain',
  'application/octet-stream',
]);

/** The framework library: list, versions with their requirements and mappings, and import of a file. */
export function frameworkRoutes(app: App, s: Services): void {
  const tags = ['frameworks'];
  const read = { access: 'compliance.read' } as const;

  app.get(
    '/api/frameworks',
    { config: read, schema: { tags, response: { 200: frameworkList } } },
    async () => ({ items: await s.frameworks.list() }),
  );
  app.get(
    '/api/frameworks/:key',
    { config: read, schema: { tags, params: frameworkKeyParams, response: { 200: frameworkDetail } } },
    async (req) => s.frameworks.detail(req.params.key),
  );
  app.get(
    '/api/framework-versions/:id',
    {
      config: read,
      schema: { tags, params: frameworkVersionParams, response: { 200: frameworkVersionDetail } },
    },
    async (req) => s.frameworks.versionDetail(req.params.id),
  );

  // The import takes the file as the raw body (see uploadScope).
  uploadScope(
    app,
    {
      as: 'buffer',
      maxBytes: MAX_FRAMEWORK_FILE_BYTES,
      types: {
        accept: UPLOAD_TYPES,
        code: 'framework.unsupported_type',
        message: 'send the framework file as YAML, JSON or application/octet-stream',
      },
    },
    (scope) => {
      scope.post(
        '/api/frameworks/import',
        {
          config: { access: 'compliance.manage' },
          bodyLimit: MAX_FRAMEWORK_FILE_BYTES,
          schema: {
            tags,
            summary: 'Import a framework file (raw YAML or JSON body)',
            querystring: frameworkImportQuery,
            response: { 201: frameworkImportResponse },
          },
        },
        async (req, reply) =>
          reply
            .code(201)
            .send(await s.frameworks.import(ctxOf(req), uploadedBytes(req.body), req.query.filename)),
      );
    },
  );
}
