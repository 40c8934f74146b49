import { z } from 'zod';
import { locale, timeZone } from './common.js';

/** What a session may do next: only `active` sessions reach the rest of the API. */
export const sessionState = z.enum(['active', 'mfa_challenge', 'mfa_enrol', 'password_change']);
export type SessionState = z.infer<typeof sessionState>;

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'letters, digits, and . _ @ - only');
/** Passwords are checked against the policy by the server; the schema bounds only their size. */
export const password = z.string().min(1).max(256);

export const loginRequest = z.strictObject({ username: z.string().min(1).max(256), password });
export const mfaChallengeRequest = z.strictObject({ code: z.string().trim().min(6).max(32) });

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  locale: locale.nullable(),
  timeZone: z.string(),
  mfaEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});

export const sessionResponse = z.object({
  state: sessionState,
  csrfToken: z.string(),
  user: sessionUser,
  permissions: z.array(z.string()),
  roles: z.array(z.string()),
  /** Names of the user's roles, so custom roles read well without `roles.read`. */
  roleNames: z.record(z.string(), z.object({ en: z.string(), zh: z.string() })),
  /** What a new password must meet, for hints on every password form. */
  passwordPolicy: z.object({ minLength: z.number().int(), history: z.number().int() }),
  organisationName: z.string().nullable(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const setupStatusResponse = z.object({ needsSetup: z.boolean() });
export const setupRequest = z.strictObject({
  token: z.string().min(16).max(128),
  username,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(254).optional(),
  password,
  organisationName: z.string().trim().min(1).max(200).optional(),
});

export const profileResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  locale: locale.nullable(),
  timeZone: z.string().nullable(),
  unitId: z.string().nullable(),
  roles: z.array(z.string()),
  mfaEnabled: z.boolean(),
  passwordChangedAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type Profile = z.infer<typeof profileResponse>;

export const updateProfileRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  locale: locale.nullable().optional(),
  timeZone: timeZone.nullable().optional(),
});

export const changePasswordRequest = z.strictObject({ currentPassword: password, newPassword: password });

export const mfaEnrolResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});
export const mfaConfirmRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const passwordConfirmRequest = z.strictObject({ password });
