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
import { AppError } from '../../http/errors.js';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';

/**
 * The uploaded file. Its bytes sit in a private field, so request hooks that walk a parsed body (the NUL
 * guard) see an object without properties.
 */
class UploadedFramework {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

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

  // The import takes the file as the raw body, in a scope of its own so the rest of the API keeps JSON and
  // its smaller limit.
  app.register(async (scope: App) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_FRAMEWORK_FILE_BYTES },
      (req, body, done) => {
        const type = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase();
        if (!type || !UPLOAD_TYPES.has(type)) {
          done(
            new AppError(
              415,
              'framework.unsupported_type',
              'send the framework file as YAML, JSON or application/octet-stream',
              {
                contentType: type ?? null,
              },
            ),
            undefined,
          );
          return;
        }
        done(null, new UploadedFramework(body as Buffer));
      },
    );
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
      async (req, reply) => {
        const bytes = req.body instanceof UploadedFramework ? req.body.bytes : Buffer.alloc(0);
        return reply.code(201).send(await s.frameworks.import(ctxOf(req), bytes, req.query.filename));
      },
    );
  });
}
