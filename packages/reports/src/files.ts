// What a download is called and how it is labelled.

export const REPORT_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const satisfies Record<'pdf' | 'docx' | 'xlsx' | 'csv', string>;

const FILE_TIME_ZONE = 'Asia/Taipei';

/**
 * A download name such as 資產清冊-20261122.xlsx: letters and digits of any script, '-' and '_' only
 * (no path separators, quotes, spaces or control characters); the date is `at` in Taiwan time.
 */
export function reportFileName(base: string, ext: 'pdf' | 'docx' | 'xlsx' | 'csv', at: string): string {
  const safe =
    Array.from(
      base
        .normalize('NFC')
        .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[-_]+|[-_]+$/g, ''),
    )
      .slice(0, 80)
      .join('') || 'report';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return `${safe}.${ext}`;
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: FILE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(date)
    .replaceAll('-', '');
  return `${safe}-${day}.${ext}`;
}

/** A Content-Disposition header for the file: an ASCII fallback plus the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
