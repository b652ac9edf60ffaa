import { Box, Container, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { BrandTitle } from './BrandTitle';
import { LanguageToggle } from './LanguageToggle';

/**
 * Public pages: a header with the product name and the language toggle, then the page — a narrow
 * column for the sign-in forms, a wide one for pages with more to show (the office finder).
 */
export function PublicLayout({ wide = false }: { wide?: boolean }) {
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
    </Box>
  );
}
