import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { BrandTitle } from './BrandTitle';
import { LanguageToggle } from './LanguageToggle';

/** The pages anyone may open without signing in, listed under every public page. */
const OPEN_PAGES = [
  { page: 'officeFinder', to: '/find-office', id: 'office-finder' },
  { page: 'deadlineCalculator', to: '/deadline', id: 'deadline-calculator' },
  { page: 'proposalsPublic', to: '/proposals/in-review', id: 'proposals-in-review' },
  { page: 'openData', to: '/open-data', id: 'open-data' },
] as const;

/**
 * Public pages: a header with the product name and the language toggle, then the page — a narrow
 * column for the sign-in forms, a wide one for pages with more to show (the office finder) — and a
 * footer linking the pages open to all: a visitor arrives at the sign-in page, and without it had
 * no way to find the office finder, the deadline calculator or the open statistics.
 */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Group justify="space-between">
            <BrandTitle to="/sign-in" />
            <LanguageToggle />
          </Group>
        </Container>
      </Box>
      <Container size={wide ? 'lg' : 'xs'} py={wide ? 'xl' : 48} component="main" id="main">
        <Outlet />
      </Container>
      <Box component="footer" py="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" component="nav" aria-labelledby="open-pages-heading" data-testid="open-pages">
          <Text id="open-pages-heading" size="sm" fw={600} c="dimmed" mb={4}>
            {t('app.openPages')}
          </Text>
          <Group gap="lg" wrap="wrap">
            {OPEN_PAGES.map((item) => (
              <Anchor key={item.id} component={Link} to={item.to} size="sm" data-testid={`open-page-${item.id}`}>
                {t(`navCitizen.${item.page}`)}
              </Anchor>
            ))}
          </Group>
        </Container>
      </Box>
    </Box>
  );
}
