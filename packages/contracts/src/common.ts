import { z } from 'zod';

/** Longest free-text field accepted anywhere unless a schema says otherwise. */
export const MAX_TEXT = 2000;

export const id = z.uuid();
export const isoTimestamp = z.iso.datetime({ offset: true });
export const shortText = (max = 200) => z.string().trim().min(1).max(max);

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const idParams = z.strictObject({ id });
export const ok = z.object({ ok: z.literal(true) });

export const locale = z.enum(['zh-TW', 'en']);
export type Locale = z.infer<typeof locale>;

/** An IANA time zone name the runtime knows (e.g. Asia/Taipei), in its canonical spelling. */
export const timeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone')
  // The runtime accepts any letter case ("asia/taipei"); store the name as a time-zone list shows it.
  .transform((tz) => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone);
