import { Readable } from 'node:stream';
import { auditExportQuery, auditPage, auditQuery, auditVerifyResponse } from '@vigil/contracts';
import { type App, ctxOf } from '../../http/types.js';
import type { Services } from '../../services.js';
import { auditCsvLine, CSV_HEADER, presentAuditEntry } from './audit.presenter.js';

export function auditRoutes(app: App, s: Services): void {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags, querystring: auditQuery, response: { 200: auditPage } },
    },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      const result = await s.audit.list(filter, limit, offset);
      return { items: result.items.map(presentAuditEntry), total: result.total, limit, offset };
    },
  );

  app.get(
    '/api/audit/export.csv',
    { config: { access: 'audit.export' }, schema: { tags, querystring: auditExportQuery } },
    async (req, reply) => {
      await s.audit.recordAlone(ctxOf(req), {
        action: 'audit.exported',
        objectType: 'audit_trail',
        details: { filter: req.query },
      });
      async function* lines() {
        // UTF-8 BOM so spreadsheet programs read the Chinese text correctly.
        yield `\uFEFF${CSV_HEADER}`;
        for await (const row of s.audit.stream(req.query)) yield auditCsvLine(row);
      }
      const stamp = s.clock.now().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vigil-audit-${stamp}.csv"`)
        .send(Readable.from(lines()));
    },
  );

  app.post(
    '/api/audit/verify',
    { config: { access: 'audit.verify' }, schema: { tags, response: { 200: auditVerifyResponse } } },
    async (req) => {
      const result = await s.audit.verify();
      await s.audit.recordAlone(ctxOf(req), {
        action: 'audit.verified',
        outcome: result.ok ? 'success' : 'failure',
        objectType: 'audit_trail',
        details: { checked: result.checked, problem: result.problem },
      });
      return result;
    },
  );
}
