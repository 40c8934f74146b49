import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

const TONES = { success: 'teal', danger: 'red', neutral: 'gray', warning: 'orange' } as const;
export type StatusTone = keyof typeof TONES;

/**
 * A status badge outlined in shade 9 of its colour on the page background. Mantine's light variant
 * cannot reach WCAG AA contrast (even shade 9 text on light teal is 4.3:1); outlined shade 9 is ≥ 5:1.
 * Orange shade 9 text is still only 4.3:1, so a warning keeps its orange outline with the body text colour.
 * A badge is never cut short: it keeps its full width in a narrow table column.
 */
export function StatusBadge({
  tone,
  children,
  ...rest
}: { tone: StatusTone; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant'>) {
  return (
    <Badge
      variant="outline"
      color={`${TONES[tone]}.9`}
      miw="max-content"
      {...(tone === 'warning' ? { c: 'var(--mantine-color-text)' } : {})}
      {...rest}
    >
      {children}
    </Badge>
  );
}
