import { Menu } from '@mantine/core';
import '../mantine-styles-rest.ts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '#web/features/identity/api/logout.ts';
import { useAuth } from '../auth';
import type { ReactElement } from 'react';

/**
 * The user menu (profile, sign out): fetched when its button is first hovered, focused or pressed,
 * and then mounted open — the shell itself carries only the button.
 */
export default function UserMenu({ target, defaultOpened }: { target: ReactElement; defaultOpened: boolean }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!user) return null;
  return (
    <Menu position="bottom-end" withinPortal defaultOpened={defaultOpened}>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/profile" data-testid="menu-profile">
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          data-testid="logout"
          disabled={logout.isPending}
          onClick={() =>
            logout.mutate(undefined, {
              onSettled: () => navigate(user.kind === 'citizen' ? '/sign-in/citizen' : '/sign-in', { replace: true }),
            })
          }
        >
          {t('app.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
