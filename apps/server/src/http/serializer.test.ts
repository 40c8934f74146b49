import { auditEntryResponse, userSummary } from '@vigil/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractSerializerCompiler } from './serializer.js';

const compile = (schema: z.ZodType) =>
  contractSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (
    data: unknown,
  ) => string;

describe('contract response serialiser', () => {
  it('writes only the properties the contract lists, so a stray field can never leak', () => {
    const out = JSON.parse(
      compile(z.object({ id: z.string(), note: z.string().nullable() }))({
        id: 'a',
        note: null,
        passwordHash: '$argon2id$…',
      }),
    );
    expect(out).toEqual({ id: 'a', note: null });
  });

  it('keeps free-form details and nested arrays intact', () => {
    const entry = {
      seq: 7,
      at: '2026-01-02T03:04:05.678Z',
      actorType: 'user',
      actorId: null,
      actorLabel: '王小明',
      action: 'user.created',
      objectType: 'user',
      objectId: 'u1',
      outcome: 'success',
      ip: '127.0.0.1',
      requestId: 'r1',
      details: { roles: ['auditor'], nested: { 名稱: '資產' } },
      hash: 'ab',
    };
    expect(JSON.parse(compile(auditEntryResponse)(entry))).toEqual(entry);
    const user = JSON.parse(
      compile(z.object({ items: z.array(userSummary) }))({
        items: [
          {
            id: 'u',
            username: 'a',
            displayName: 'A',
            email: null,
            unitId: null,
            roles: ['viewer'],
            disabled: false,
            locked: false,
            lockedUntil: null,
            mfaEnabled: true,
            mustChangePassword: false,
            lastLoginAt: null,
            createdAt: 'x',
            secret: 's',
          },
        ],
      }),
    );
    expect(user.items[0]).not.toHaveProperty('secret');
    expect(user.items[0].roles).toEqual(['viewer']);
  });
});
