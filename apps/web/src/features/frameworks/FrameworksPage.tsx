import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { FrameworkListPage } from './FrameworkListPage.js';
import { FrameworkPage } from './FrameworkPage.js';

/** The framework library's screens, under /frameworks. */
export function FrameworksPage() {
  return (
    <Routes>
      <Route index element={<FrameworkListPage />} />
      <Route path=":key" element={<FrameworkPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
