import { z } from 'zod';
import { isoTimestamp } from './common.js';

export const auditEntryResponse = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof auditEntryResponse>;

export const auditQuery = z.strictObject({
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(64).optional(),
  objectId: z.string().trim().max(200).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  from: isoTimestamp.optional(),
  to: isoTimestamp.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AuditQuery = z.infer<typeof auditQuery>;
export const auditExportQuery = auditQuery.omit({ limit: true, offset: true });

export const auditPage = z.object({
  items: z.array(auditEntryResponse),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  /** The first entry that breaks the chain, when one does. */
  problem: z
    .object({
      seq: z.number().int(),
      kind: z.enum(['altered', 'removed', 'inserted', 'head_mismatch']),
      message: z.string(),
    })
    .nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResponse>;
