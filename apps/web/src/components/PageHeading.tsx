import { Group, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

interface PageHeadingProps {
  title: string;
  /** Actions shown beside the heading (buttons). */
  children?: ReactNode;
}

/**
 * The page's h1. It takes focus whenever the route changes, so screen-reader and keyboard users
 * start on the new page instead of the link they followed, and it names the browser tab.
 */
export function PageHeading({ title, children }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows navigation, keyed by the path.
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <Group justify="space-between" align="center" mb="lg" wrap="wrap">
      <Title order={1} size="h2" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
        {title}
      </Title>
      {children ? <Group gap="sm">{children}</Group> : null}
    </Group>
  );
}
