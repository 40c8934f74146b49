import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useActiveSession, useSignOut } from '../api/session.js';
import { ConfirmModal } from './ConfirmModal.js';

/** The signed-in user's name, leading to the profile and the two ways of signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [confirmAll, setConfirmAll] = useState(false);
  const [busy, setBusy] = useState(false);

  const leave = async (everywhere: boolean) => {
    setBusy(true);
    try {
      await signOut(everywhere);
    } finally {
      setBusy(false);
      setConfirmAll(false);
      navigate('/login', { replace: true });
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            size="compact-sm"
            aria-label={t('header.userMenu', { name: session.user.displayName })}
          >
            {session.user.displayName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{session.user.username}</Menu.Label>
          <Menu.Item component={Link} to="/profile">
            {t('header.profile')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => void leave(false)}>{t('header.signOut')}</Menu.Item>
          <Menu.Item color="red" onClick={() => setConfirmAll(true)}>
            {t('header.signOutEverywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={confirmAll}
        title={t('header.signOutEverywhere')}
        message={t('header.signOutEverywhereConfirm')}
        confirmLabel={t('header.signOutEverywhere')}
        onConfirm={() => void leave(true)}
        onClose={() => setConfirmAll(false)}
        loading={busy}
        danger
      />
    </>
  );
}
