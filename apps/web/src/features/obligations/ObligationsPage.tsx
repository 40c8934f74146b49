import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LoadingScreen } from '../../components/LoadingScreen.js';
import { PageHeading } from '../../components/PageHeading.js';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { useObligationProfile } from './api.js';
import { MonthCalendar } from './MonthCalendar.js';
import { ProfilePanel } from './ProfilePanel.js';
import { TaskList } from './TaskList.js';
import { TaskPage } from './TaskPage.js';

/** The obligations calendar's screens, under /obligations. */
export function ObligationsPage() {
  return (
    <Routes>
      <Route index element={<Overview />} />
      <Route path="tasks/:taskId" element={<TaskPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function Overview() {
  const { t } = useTranslation();
  const profile = useObligationProfile();
  const [view, setView] = useState<'calendar' | 'list'>('calendar');
  if (profile.isPending) return <LoadingScreen />;
  return (
    <>
      <PageHeading title={t('obligations.title')} />
      <ErrorAlert error={profile.error} />
      {profile.data ? (
        <ProfilePanel key={`${profile.data.level}:${profile.data.anchorOn}`} profile={profile.data} />
      ) : null}
      {profile.data?.level ? (
        <Tabs value={view} onChange={(v) => setView(v === 'list' ? 'list' : 'calendar')}>
          <Tabs.List mb="md">
            <Tabs.Tab value="calendar">{t('obligations.views.calendar')}</Tabs.Tab>
            <Tabs.Tab value="list">{t('obligations.views.list')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="calendar">
            {view === 'calendar' ? <MonthCalendar today={profile.data.today} /> : null}
          </Tabs.Panel>
          <Tabs.Panel value="list">{view === 'list' ? <TaskList /> : null}</Tabs.Panel>
        </Tabs>
      ) : null}
    </>
  );
}
