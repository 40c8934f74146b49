import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useActiveSession } from '../api/session.js';
import { NAV_SECTIONS, visibleModules } from '../routes/modules.js';

interface AppNavProps {
  onNavigate?: () => void;
}

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** The navbar: the module registry, filtered by what this user may open. */
export function AppNav({ onNavigate }: AppNavProps) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const { pathname } = useLocation();
  const modules = visibleModules(session.permissions);

  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap="md">
        {NAV_SECTIONS.map((section) => {
          const entries = modules.filter((m) => m.section === section.id);
          if (entries.length === 0) return null;
          const headingId = `nav-section-${section.id}`;
          return (
            <div key={section.id}>
              {section.labelKey ? (
                <Text id={headingId} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t(section.labelKey)}
                </Text>
              ) : null}
              <ul
                aria-labelledby={section.labelKey ? headingId : undefined}
                style={{ listStyle: 'none', margin: 0, padding: 0 }}
              >
                {entries.map((entry) => {
                  const active = isActive(pathname, entry.path);
                  return (
                    <li key={entry.id}>
                      <NavLink
                        component={Link}
                        to={entry.path}
                        label={t(entry.labelKey)}
                        active={active}
                        aria-current={active ? 'page' : undefined}
                        onClick={onNavigate}
                      />
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </Stack>
    </nav>
  );
}
