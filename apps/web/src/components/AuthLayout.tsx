import { Alert, Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';
import { PageHeading } from './PageHeading.js';

interface AuthLayoutProps {
  title: string;
  /** Why the person is on this page, shown under the title. */
  notice?: string;
  children: ReactNode;
  width?: number;
}

/** The frame of the pages before sign-in completes: setup, sign-in, MFA, forced password change. */
export function AuthLayout({ title, notice, children, width = 420 }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" p="md">
        <Text fw={700} size="lg">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center component="main" px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={width}>
          <Stack gap="md">
            <PageHeading title={title} />
            {notice ? (
              <Alert color="blue" variant="light">
                {notice}
              </Alert>
            ) : null}
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
