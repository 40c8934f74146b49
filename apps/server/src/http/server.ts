import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyPluginCallback,
  type FastifyServerOptions,
  type RouteOptions,
} from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assetIoRoutes } from '../modules/assets/asset-io.routes.js';
import { assetRoutes } from '../modules/assets/assets.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { complianceRoutes } from '../modules/compliance/compliance.routes.js';
import { documentRoutes } from '../modules/documents/documents.routes.js';
import { frameworkRoutes } from '../modules/frameworks/frameworks.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { meRoutes } from '../modules/me/me.routes.js';
import { notificationRoutes } from '../modules/notifications/notifications.routes.js';
import { obligationRoutes } from '../modules/obligations/obligations.routes.js';
import { orgRoutes } from '../modules/org/org.routes.js';
import { regulationRoutes } from '../modules/regulations/regulations.routes.js';
import { riskRoutes } from '../modules/risks/risks.routes.js';
import { roleRoutes } from '../modules/roles/roles.routes.js';
import { settingsRoutes } from '../modules/settings/settings.routes.js';
import { tokenRoutes } from '../modules/tokens/tokens.routes.js';
import { userRoutes } from '../modules/users/users.routes.js';
import type { Services } from '../services.js';
import { accessHook } from './access-hook.js';
import { errorHandler } from './error-handler.js';
import { installJsonParser } from './json-parser.js';
import { installNulGuard } from './nul-guard.js';
import { securityHeaders } from './security-headers.js';
import { contractSerializerCompiler } from './serializer.js';
import type { App } from './types.js';
import './types.js';

export interface HttpOptions {
  logger: FastifyBaseLogger | false;
  bodyLimit: number;
  trustProxy: boolean | number | string;
  https?: { cert: Buffer; key: Buffer } | null;
  /** Built web UI to serve; null serves the API only. */
  webDir: string | null;
  /** Cookies get Secure (and the __Host- prefix) when served over TLS or behind an HTTPS proxy. */
  secureCookies: boolean;
  /** Sees every route as it is added, plugin routes included (the route-table test walks them). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * Wraps a plugin whose routes (API docs, web UI files) are public by nature, declaring that access for
 * them so that no route goes without a declaration.
 */
function publicScope<O extends object>(
  plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>,
): FastifyPluginAsync<O> {
  return async (scope, options) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), access: 'public' } as typeof route.config;
    });
    await scope.register(plugin as FastifyPluginAsync<O>, options);
  };
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const DOCS_PREFIX = '/api/docs';

/** Builds the HTTP application around the services. Listening is the caller's business. */
export async function buildApp(services: Services, opts: HttpOptions): Promise<FastifyInstance> {
  const options: FastifyServerOptions = {
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    bodyLimit: opts.bodyLimit,
    trustProxy: opts.trustProxy as FastifyServerOptions['trustProxy'],
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return opts.trustProxy && typeof incoming === 'string' && REQUEST_ID.test(incoming)
        ? incoming
        : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  };
  // Fastify types an HTTPS server separately; at run time both serve the same routes.
  const base = Fastify(opts.https ? ({ ...options, https: opts.https } as FastifyServerOptions) : options);
  const app = base.withTypeProvider<ZodTypeProvider>() as App;
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  installJsonParser(app);
  installNulGuard(app);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  const headers = securityHeaders({ https: opts.secureCookies });
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Vigil API',
        description: 'Vigil (守望) information security management and operations platform',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(publicScope(fastifySwaggerUi), { routePrefix: DOCS_PREFIX });

  app.addHook('onRequest', accessHook(services, { secureCookies: opts.secureCookies }));
  // Once shutdown starts, responses to requests still in flight close their connection, so keep-alive
  // sockets do not hold the process open until their timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    if (closing) reply.header('connection', 'close');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  healthRoutes(app, services);
  authRoutes(app, services, { secureCookies: opts.secureCookies });
  meRoutes(app, services);
  tokenRoutes(app, services);
  userRoutes(app, services);
  roleRoutes(app, services);
  auditRoutes(app, services);
  settingsRoutes(app, services);
  orgRoutes(app, services);
  assetRoutes(app, services);
  assetIoRoutes(app, services);
  riskRoutes(app, services);
  frameworkRoutes(app, services);
  complianceRoutes(app, services);
  obligationRoutes(app, services);
  regulationRoutes(app, services);
  documentRoutes(app, services);
  notificationRoutes(app, services);

  const index = opts.webDir ? path.join(opts.webDir, 'index.html') : null;
  if (opts.webDir && index && fs.existsSync(index)) {
    await app.register(publicScope(fastifyStatic), {
      root: opts.webDir,
      prefix: '/',
      wildcard: false,
      index: false,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes get the UI; a missing file (`/assets/old.js`) or API path gets a real 404.
    const pathname = req.url.split('?')[0] ?? '';
    const wantsPage =
      req.method === 'GET' &&
      !pathname.startsWith('/api/') &&
      !path.extname(pathname) &&
      index &&
      fs.existsSync(index);
    // The static plugin lives in its own scope, so reply.sendFile does not exist here; stream the file.
    if (wantsPage && index) return reply.type('text/html; charset=utf-8').send(fs.createReadStream(index));
    return reply.code(404).send({
      error: {
        code: 'not_found',
        message: `no route for ${req.method} ${req.url.split('?')[0]}`,
        requestId: req.id,
      },
    });
  });
  return app;
}
