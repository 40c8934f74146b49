import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n/index.js';
import { useLanguage } from '../i18n/useLanguage.js';

/** Switches the UI language; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = useLanguage();
  const activeLabel = LANGUAGES.find((l) => l.code === active)?.label ?? active;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-label={t('header.languageLabel', { language: activeLabel })}
        >
          {activeLabel}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language.code}
            lang={language.code}
            onClick={() => setLanguage(language.code)}
            aria-current={language.code === active ? 'true' : undefined}
            fw={language.code === active ? 700 : undefined}
          >
            {language.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
