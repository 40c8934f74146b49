import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type FieldErrors = Partial<Record<string, string>>;

function describe(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? t('common.required') : t('validation.minLength', { count: min });
      if (issue.origin === 'array') return t('validation.minItems', { count: min });
      return t('validation.min', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.maxLength', { count: max });
      if (issue.origin === 'array') return t('validation.maxItems', { count: max });
      return t('validation.max', { max });
    }
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    case 'invalid_type':
      return issue.input === undefined ? t('common.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks a request body against its contract schema before it is sent, so the form shows the same
 * limits the server enforces, in the user's language. Keys are dotted field paths.
 */
export function fieldErrors(schema: z.ZodType, value: unknown, t: TFunction): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= describe(issue, t);
  }
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
