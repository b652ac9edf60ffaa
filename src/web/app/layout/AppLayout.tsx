import { Burger, Group, Loader, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { canOpen, type PageKey } from '../access';
import { useNavigationPending } from '../AppRouter';
import { useAuth } from '../auth';
import { FullPageLoader } from '../routes/guards';
import { BrandTitle } from './BrandTitle';
import { LanguageToggle } from './LanguageToggle';
import '../mantine-styles-more.ts';
import './app-shell.css';

interface NavItem {
  /** The heading the item is listed under. */
  section: NavSection;
  page: PageKey;
  to: string;
  /** test id suffix: nav-<route> */
  id: string;
}

/**
 * The navigation's sections, in order: daily work, the office network, its people, tariffs and
 * policy, administration, and the person's own account (under "administration" it read, to a clerk
 * or a judge who has nothing else there, as if their account were the system's administration).
 */
const NAV_SECTIONS = ['work', 'network', 'people', 'policy', 'admin', 'account'] as const;
/** A citizen's: their own matters, help and tools, their account — in their words, not the offices'. */
const CITIZEN_SECTIONS = ['mine', 'help', 'account'] as const;
type NavSection = (typeof NAV_SECTIONS)[number] | (typeof CITIZEN_SECTIONS)[number];

const NAV: NavItem[] = [
  { section: 'work', page: 'dashboard', to: '/', id: 'dashboard' },
  { section: 'work', page: 'statistics', to: '/statistics', id: 'statistics' },
  { section: 'work', page: 'openData', to: '/open-data', id: 'open-data' },
  { section: 'work', page: 'counter', to: '/counter', id: 'counter' },
  { section: 'work', page: 'parties', to: '/parties', id: 'parties' },
  { section: 'work', page: 'filings', to: '/filings', id: 'filings' },
  { section: 'work', page: 'portal', to: '/me', id: 'portal' },
  { section: 'work', page: 'deadlineCalculator', to: '/deadline', id: 'deadline-calculator' },
  { section: 'work', page: 'courtDesk', to: '/court', id: 'court' },
  { section: 'work', page: 'courtCases', to: '/court/cases', id: 'court-cases' },
  { section: 'work', page: 'hearings', to: '/hearings', id: 'hearings' },
  { section: 'work', page: 'officeNotices', to: '/counter/notices', id: 'counter-notices' },
  { section: 'work', page: 'hearingBooths', to: '/hearings/booths', id: 'hearing-booths' },
  { section: 'work', page: 'arbitrations', to: '/arbitrations', id: 'arbitrations' },
  { section: 'work', page: 'payments', to: '/payments', id: 'payments' },
  { section: 'work', page: 'consultantDay', to: '/consultation/sessions', id: 'consultant-day' },
  { section: 'work', page: 'consultationBook', to: '/consultation/book', id: 'consultation-book' },
  { section: 'work', page: 'fees', to: '/fees', id: 'fees' },
  { section: 'network', page: 'offices', to: '/offices', id: 'offices' },
  { section: 'network', page: 'applyOffice', to: '/offices/apply', id: 'apply-office' },
  { section: 'network', page: 'officeApplications', to: '/office-applications', id: 'office-applications' },
  { section: 'network', page: 'competencies', to: '/competencies', id: 'competencies' },
  { section: 'network', page: 'consultantRegistry', to: '/consultation/registry', id: 'consultant-registry' },
  { section: 'network', page: 'networkMap', to: '/network/map', id: 'network-map' },
  { section: 'network', page: 'viability', to: '/network/viability', id: 'viability' },
  { section: 'network', page: 'siting', to: '/network/siting', id: 'siting' },
  { section: 'network', page: 'officeFinder', to: '/find-office', id: 'office-finder' },
  { section: 'network', page: 'proposals', to: '/proposals', id: 'proposals' },
  { section: 'network', page: 'proposalsPublic', to: '/proposals/in-review', id: 'proposals-in-review' },
  { section: 'network', page: 'quality', to: '/quality', id: 'quality' },
  { section: 'network', page: 'complaints', to: '/complaints', id: 'complaints' },
  { section: 'people', page: 'users', to: '/users', id: 'users' },
  { section: 'people', page: 'staff', to: '/staff', id: 'staff' },
  { section: 'people', page: 'workforce', to: '/workforce', id: 'workforce' },
  { section: 'people', page: 'myRecord', to: '/my-record', id: 'my-record' },
  { section: 'people', page: 'training', to: '/training', id: 'training' },
  { section: 'people', page: 'trainingAdmin', to: '/training/admin', id: 'training-admin' },
  { section: 'people', page: 'licences', to: '/licences', id: 'licences' },
  { section: 'policy', page: 'tariffSchedules', to: '/tariffs', id: 'tariffs' },
  { section: 'policy', page: 'tariffSimulator', to: '/tariffs/simulator', id: 'tariff-simulator' },
  { section: 'policy', page: 'costModel', to: '/tariffs/cost-model', id: 'cost-model' },
  { section: 'policy', page: 'arbitrationFeeScales', to: '/arbitrations/fee-scales', id: 'arbitration-fee-scales' },
  { section: 'policy', page: 'channels', to: '/channels', id: 'channels' },
  { section: 'admin', page: 'outbox', to: '/outbox', id: 'outbox' },
  { section: 'admin', page: 'audit', to: '/audit', id: 'audit' },
  { section: 'admin', page: 'holidays', to: '/admin/holidays', id: 'holidays' },
  { section: 'admin', page: 'deadlineRules', to: '/admin/deadline-rules', id: 'deadline-rules' },
  { section: 'admin', page: 'geography', to: '/admin/geography', id: 'geography' },
  { section: 'account', page: 'profile', to: '/profile', id: 'profile' },
];

/** A citizen's navigation: the pages a citizen can open, under their own headings and names (`navCitizen.*`). */
const CITIZEN_NAV: NavItem[] = [
  { section: 'mine', page: 'portal', to: '/me', id: 'portal' },
  { section: 'mine', page: 'filings', to: '/filings', id: 'filings' },
  { section: 'mine', page: 'arbitrations', to: '/arbitrations', id: 'arbitrations' },
  { section: 'mine', page: 'myConsultations', to: '/consultation/mine', id: 'my-consultations' },
  { section: 'mine', page: 'consultationBook', to: '/consultation/book', id: 'consultation-book' },
  { section: 'mine', page: 'hearings', to: '/hearings', id: 'hearings' },
  { section: 'mine', page: 'complaints', to: '/complaints', id: 'complaints' },
  { section: 'help', page: 'deadlineCalculator', to: '/deadline', id: 'deadline-calculator' },
  { section: 'help', page: 'fees', to: '/fees', id: 'fees' },
  { section: 'help', page: 'officeFinder', to: '/find-office', id: 'office-finder' },
  { section: 'help', page: 'offices', to: '/offices', id: 'offices' },
  { section: 'help', page: 'proposalsPublic', to: '/proposals/in-review', id: 'proposals-in-review' },
  { section: 'help', page: 'openData', to: '/open-data', id: 'open-data' },
  { section: 'account', page: 'profile', to: '/profile', id: 'profile' },
  { section: 'account', page: 'applyOffice', to: '/offices/apply', id: 'apply-office' },
];

const loadUserMenu = () => import('./UserMenu');
const LazyUserMenu = lazy(loadUserMenu);

/** The signed-in person's name and first role; pressing it opens the user menu (its own chunk). */
function UserMenuButton() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [wanted, setWanted] = useState(false);
  if (!user) return null;
  const firstRole = user.roles[0]?.role;
  const button = (
    <UnstyledButton
      data-testid="user-menu"
      title={t('app.userMenu', { name: user.displayName })}
      aria-haspopup="menu"
      px="xs"
      py={4}
      onPointerEnter={() => void loadUserMenu()}
      onFocus={() => void loadUserMenu()}
      onClick={wanted ? undefined : () => setWanted(true)}
    >
      <Text size="sm" fw={500} lh={1.3}>
        {user.displayName}
      </Text>
      {firstRole ? (
        <Text size="xs" c="dimmed" lh={1.3}>
          {t(`roles.${firstRole}`)}
        </Text>
      ) : null}
    </UnstyledButton>
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <LazyUserMenu target={button} defaultOpened />
    </Suspense>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const pending = useNavigationPending();
  const [opened, { toggle, close }] = useDisclosure();
  const citizen = user?.kind === 'citizen';
  const sections: readonly NavSection[] = citizen ? CITIZEN_SECTIONS : NAV_SECTIONS;
  const items = (citizen ? CITIZEN_NAV : NAV).filter((item) => canOpen(user, item.page));
  const labels = citizen ? 'navCitizen' : 'nav';

  const matches = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`);
  // Only the most specific item is current: /court/cases/7 is under «cases», not also under /court.
  const activeTo = items
    .map((item) => item.to)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const isActive = (to: string) => to === activeTo;

  return (
    <>
      <header className="daftar-shell-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              className="daftar-shell-burger"
              opened={opened}
              onClick={toggle}
              size="sm"
              aria-label={t('app.toggleNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <BrandTitle />
            {pending ? <Loader size="xs" role="status" aria-label={t('common.loading')} /> : null}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageToggle />
            <UserMenuButton />
          </Group>
        </Group>
      </header>

      <nav
        className="daftar-shell-navbar"
        id="main-navigation"
        data-opened={opened || undefined}
        aria-label={t('app.mainNavigation')}
      >
        {sections.map((section) => {
          const inSection = items.filter((item) => item.section === section);
          if (inSection.length === 0) return null;
          return (
            // biome-ignore lint/a11y/useSemanticElements: a named group of navigation links, not of form controls (which <fieldset> is for)
            <div key={section} role="group" aria-labelledby={`nav-section-${section}`}>
              <Text id={`nav-section-${section}`} size="xs" fw={600} c="dimmed" px="sm" pt="sm" pb={4}>
                {t(`navSections.${section}`)}
              </Text>
              {inSection.map((item) => (
                <NavLink
                  key={item.page}
                  component={Link}
                  to={item.to}
                  label={t(`${labels}.${item.page}`)}
                  active={isActive(item.to)}
                  aria-current={isActive(item.to) ? 'page' : undefined}
                  onClick={close}
                  data-testid={`nav-${item.id}`}
                />
              ))}
            </div>
          );
        })}
      </nav>

      <main className="daftar-shell-main" id="main">
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
