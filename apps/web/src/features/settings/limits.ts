import { securitySettings } from '@vigil/contracts';

const shape = securitySettings.shape;

export const NUMBER_SETTINGS = [
  'passwordMinLength',
  'passwordHistory',
  'passwordMaxAgeDays',
  'lockoutThreshold',
  'lockoutMinutes',
  'sessionIdleMinutes',
  'sessionAbsoluteHours',
] as const;
export type NumberSetting = (typeof NUMBER_SETTINGS)[number];

/** The allowed range of a numeric setting, read from the contract so the form never drifts from it. */
export function settingLimits(name: NumberSetting): { min: number; max: number } {
  const schema = shape[name].unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}
