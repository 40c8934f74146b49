import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.js';

/** Placeholder until the slice lands. */
export function RegulationsPage() {
  const { t } = useTranslation();
  return <PageHeading title={t('regulations.nav')} />;
}
