import { z } from 'zod';
import { username } from './auth.js';
import { id, pageQuery } from './common.js';

export const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.string().nullable(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const listUsersQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: z.string().max(64).optional(),
  unitId: id.optional(),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
  mfa: z.enum(['enabled', 'disabled']).optional(),
});

const roleIds = z.array(z.string().min(1).max(64)).max(20);

export const createUserRequest = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  unitId: id.nullable().optional(),
  roles: roleIds.min(1),
  /** When absent the server generates a temporary password and returns it once. */
  password: z.string().min(1).max(256).optional(),
});

export const createUserResponse = z.object({ user: userSummary, temporaryPassword: z.string().nullable() });

export const updateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  unitId: id.nullable().optional(),
  roles: roleIds.min(1).optional(),
  disabled: z.boolean().optional(),
});

export const resetPasswordResponse = z.object({ temporaryPassword: z.string() });
