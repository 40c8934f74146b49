import type { AuditEntryView } from '@vigil/contracts';
import type { AuditEntryRow } from '@vigil/db';

export function presentAuditEntry(r: AuditEntryRow): AuditEntryView {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    outcome: r.outcome,
    ip: r.ip,
    requestId: r.request_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    hash: r.hash,
  };
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'actor_type',
  'actor_id',
  'actor_label',
  'action',
  'object_type',
  'object_id',
  'outcome',
  'ip',
  'request_id',
  'details',
  'prev_hash',
  'hash',
] as const;

/** RFC 4180 field; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

export function auditCsvLine(r: AuditEntryRow): string {
  return `${CSV_COLUMNS.map((c) => csvField(r[c])).join(',')}\r\n`;
}
