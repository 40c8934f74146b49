import { Route, Routes } from 'react-router';
import { RequirePermission } from '../../components/RequirePermission.js';
import { NotFoundPage } from '../home/NotFoundPage.js';
import { AssetDetailPage } from './AssetDetailPage.js';
import { AssetFormPage } from './AssetFormPage.js';
import { AssetImportPage } from './AssetImportPage.js';
import { AssetListPage } from './AssetListPage.js';
import { CampaignPage } from './campaigns/CampaignPage.js';
import { CampaignsPage } from './campaigns/CampaignsPage.js';
import { ValuationSettingsPage } from './ValuationSettingsPage.js';

/** The asset module's screens, under /assets. */
export function AssetsPage() {
  return (
    <Routes>
      <Route index element={<AssetListPage />} />
      <Route
        path="new"
        element={
          <RequirePermission permission="assets.manage">
            <AssetFormPage />
          </RequirePermission>
        }
      />
      <Route
        path="import"
        element={
          <RequirePermission permission="assets.manage">
            <AssetImportPage />
          </RequirePermission>
        }
      />
      <Route path="campaigns" element={<CampaignsPage />} />
      <Route
        path="campaigns/:campaignId"
        element={
          <RequirePermission permission={['assets.read', 'assets.campaigns']}>
            <CampaignPage />
          </RequirePermission>
        }
      />
      <Route
        path="settings"
        element={
          <RequirePermission permission="assets.manage">
            <ValuationSettingsPage />
          </RequirePermission>
        }
      />
      <Route path=":assetId" element={<AssetDetailPage />} />
      <Route
        path=":assetId/edit"
        element={
          <RequirePermission permission="assets.manage">
            <AssetFormPage />
          </RequirePermission>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
