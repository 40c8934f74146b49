import { z } from 'zod';

export const apiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  expiresAt: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenResponse>;
export const apiTokenList = z.object({ items: z.array(apiTokenResponse) });

export const createApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  permissions: z.array(z.string().max(64)).min(1).max(200),
  expiresInDays: z.number().int().min(1).max(366),
});
/** The secret is in `token` and is shown exactly once. */
export const createApiTokenResponse = z.object({ token: z.string(), apiToken: apiTokenResponse });
