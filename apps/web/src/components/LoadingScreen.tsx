import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LoadingScreen() {
  const { t } = useTranslation();
  // The label sits in the live region itself: axe refuses aria-label on the Loader's plain span.
  return (
    <Center h="60vh" role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
