import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.js';

export function AssetsPage() {
  const { t } = useTranslation();
  return <PageHeading title={t('assets.nav')} />;
}
