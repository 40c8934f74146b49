import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { usePermissions } from '../../api/session.js';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { DisposalPage } from './DisposalPage.js';
import { DocumentPage } from './DocumentPage.js';
import { LevelsPage } from './LevelsPage.js';
import { RegisterPage } from './RegisterPage.js';
import { ToReadPage } from './ToReadPage.js';
import { VersionPage } from './VersionPage.js';

/** The documents module under /documents: open to everyone signed in ("to read"); the rest by permission. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const register = can('documents.read') || can('documents.manage') || can('documents.approve');
  const retention = can('documents.manage') || can('documents.approve');
  const tab = pathname.startsWith('/documents/to-read')
    ? 'to-read'
    : pathname.startsWith('/documents/disposals')
      ? 'disposals'
      : 'register';
  return (
    <>
      <Tabs
        value={tab}
        onChange={(v) => navigate(v === 'register' ? '/documents' : `/documents/${v}`)}
        mb="md"
      >
        <Tabs.List>
          {register ? <Tabs.Tab value="register">{t('documents.tabs.register')}</Tabs.Tab> : null}
          <Tabs.Tab value="to-read">{t('documents.tabs.toRead')}</Tabs.Tab>
          {retention ? <Tabs.Tab value="disposals">{t('documents.tabs.disposals')}</Tabs.Tab> : null}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={register ? <RegisterPage /> : <ToReadPage />} />
        <Route path="to-read" element={<ToReadPage />} />
        <Route path="disposals" element={<DisposalPage />} />
        <Route path="levels" element={<LevelsPage />} />
        <Route path="versions/:versionId" element={<VersionPage />} />
        <Route path=":documentId" element={<DocumentPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
