import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

const EDGE = { info: '#1971c2', warning: '#e8590c' } as const;

interface NoticeProps {
  tone: keyof typeof EDGE;
  title?: string;
  children: ReactNode;
}

/**
 * A remark in the page's normal text colour with a coloured edge: Mantine's light alerts put coloured text
 * on a tinted background, which falls below WCAG AA contrast for orange and blue.
 */
export function Notice({ tone, title, children }: NoticeProps) {
  return (
    <Paper withBorder p="sm" style={{ borderLeft: `4px solid ${EDGE[tone]}` }}>
      <Stack gap={4}>
        {title ? (
          <Text size="sm" fw={700}>
            {title}
          </Text>
        ) : null}
        <Text size="sm" component="div">
          {children}
        </Text>
      </Stack>
    </Paper>
  );
}
