import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const FONT = 'Vazirmatn, "Noto Sans Arabic", Tahoma, system-ui, sans-serif';

export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '700' },
  fontFamilyMonospace: 'ui-monospace, "DejaVu Sans Mono", monospace',
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons above WCAG AA contrast.
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  cursorType: 'pointer',
});

/** Darker "dimmed" and placeholder text than Mantine's default, for AA contrast on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
