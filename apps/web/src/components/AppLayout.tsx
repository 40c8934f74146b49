import { Anchor, AppShell, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useActiveSession } from '../api/session.js';
import { AppNav } from './AppNav.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LoadingScreen } from './LoadingScreen.js';
import { UserMenu } from './UserMenu.js';

/** The frame around every signed-in page: header, navigation and the page itself. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const [navOpen, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="md"
    >
      <a href="#main-content" className="vigil-skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpen ? t('nav.close') : t('nav.open')}
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={2} size="h4" component="span">
                {t('app.name')}
              </Title>
            </Anchor>
            {session.organisationName ? (
              <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={320}>
                {session.organisationName}
              </Text>
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNav onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content">
        <Suspense fallback={<LoadingScreen />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
