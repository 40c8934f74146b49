import { Card, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { useProfile } from './api.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { MfaSection } from './MfaSection.js';
import { ProfileForm } from './ProfileForm.js';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The user's own account: details, password, MFA and API tokens. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();

  return (
    <>
      <PageHeading title={t('profile.title')} />
      {profile.isPending ? <LoadingScreen /> : null}
      <ErrorAlert error={profile.error} />
      {profile.data ? (
        <Stack gap="lg" maw={860}>
          <Section id="profile-details" title={t('profile.details')}>
            <ProfileForm profile={profile.data} />
          </Section>
          <Section id="profile-password" title={t('password.title')}>
            <ChangePasswordForm />
          </Section>
          <Section id="profile-mfa" title={t('mfa.title')}>
            <MfaSection profile={profile.data} />
          </Section>
          <Section id="profile-tokens" title={t('tokens.title')}>
            <ApiTokensSection />
          </Section>
        </Stack>
      ) : null}
    </>
  );
}
