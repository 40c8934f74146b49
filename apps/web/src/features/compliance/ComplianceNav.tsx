import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const SECTIONS = [
  { path: '/compliance', key: 'controls' },
  { path: '/compliance/evidence', key: 'evidence' },
  { path: '/compliance/assessments', key: 'assessments' },
  { path: '/compliance/soa', key: 'soa' },
] as const;

function isCurrent(pathname: string, path: string): boolean {
  if (path === '/compliance') return pathname === '/compliance' || pathname === '/compliance/';
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The sections of controls and compliance. */
export function ComplianceNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Group component="nav" aria-label={t('compliance.sections.label')} gap="xs" mb="md" wrap="wrap">
      {SECTIONS.map((s) => {
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
            {t(`compliance.sections.${s.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
