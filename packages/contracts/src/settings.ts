import { z } from 'zod';

/** Security settings an administrator can change; defaults meet the 高 column of Schedule 10. */
export const securitySettings = z.strictObject({
  passwordMinLength: z.number().int().min(8).max(128).default(12),
  passwordHistory: z.number().int().min(3).max(24).default(3),
  passwordMaxAgeDays: z.number().int().min(0).max(3650).default(0),
  rejectCommonPasswords: z.boolean().default(true),
  lockoutThreshold: z.number().int().min(3).max(10).default(5),
  lockoutMinutes: z.number().int().min(15).max(1440).default(15),
  sessionIdleMinutes: z.number().int().min(5).max(480).default(30),
  sessionAbsoluteHours: z.number().int().min(1).max(72).default(12),
  mfaRequired: z.enum(['none', 'all', 'roles']).default('none'),
  mfaRequiredRoles: z.array(z.string().max(64)).max(50).default([]),
});
export type SecuritySettings = z.infer<typeof securitySettings>;
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = securitySettings.parse({});

export const settingsResponse = z.object({ security: securitySettings });
export const updateSettingsRequest = z.strictObject({ security: securitySettings.partial() });
