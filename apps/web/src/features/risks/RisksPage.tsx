import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.js';

export function RisksPage() {
  const { t } = useTranslation();
  return <PageHeading title={t('risks.nav')} />;
}
