import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

const TONES = { success: 'teal', danger: 'red', neutral: 'gray' } as const;
export type StatusTone = keyof typeof TONES;

/**
 * A status badge outlined in shade 9 of its colour on the page background. Mantine's light variant
 * cannot reach WCAG AA contrast (even shade 9 text on light teal is 4.3:1); outlined shade 9 is ≥ 5:1.
 */
export function StatusBadge({
  tone,
  children,
  ...rest
}: { tone: StatusTone; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant'>) {
  return (
    <Badge variant="outline" color={`${TONES[tone]}.9`} {...rest}>
      {children}
    </Badge>
  );
}
