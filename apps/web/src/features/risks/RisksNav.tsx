import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePermissions } from '../../api/session.js';

const SECTIONS = [
  { path: '/risks', key: 'register', needsRead: false },
  { path: '/risks/assessments', key: 'assessments', needsRead: true },
  { path: '/risks/treatment', key: 'treatment', needsRead: false },
  { path: '/risks/methodology', key: 'methodology', needsRead: true },
  { path: '/risks/catalogue', key: 'catalogue', needsRead: true },
] as const;

function isCurrent(pathname: string, path: string): boolean {
  if (path === '/risks') return pathname === '/risks' || pathname === '/risks/';
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The sections of risk management; owners who only treat their own risks see register and treatment. */
export function RisksNav() {
  const { t } = useTranslation();
  const can = usePermissions();
  const { pathname } = useLocation();
  const sections = SECTIONS.filter((s) => !s.needsRead || can('risks.read'));
  return (
    <Group component="nav" aria-label={t('risks.sections.label')} gap="xs" mb="md" wrap="wrap">
      {sections.map((s) => {
        const current = isCurrent(pathname, s.path);
        return (
          <Button
            key={s.path}
            component={Link}
            to={s.path}
            size="xs"
            variant={current ? 'filled' : 'default'}
            aria-current={current ? 'page' : undefined}
          >
            {t(`risks.sections.${s.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
