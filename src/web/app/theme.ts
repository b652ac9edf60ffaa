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
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text on "light" variants (active nav link, badges, alerts) one step darker for contrast.
    ...Object.fromEntries(
      ['indigo', 'teal', 'red', 'yellow', 'orange', 'gray', 'blue', 'green'].map((c) => [
        `--mantine-color-${c}-light-color`,
        `var(--mantine-color-${c}-9)`,
      ]),
    ),
    // Green's and teal's darkest shades are still under 4.5:1 on their light background over a
    // striped table row ("paid", "served" badges): darker text for those two.
    '--mantine-color-green-light-color': '#1f6f31',
    '--mantine-color-teal-light-color': '#066649',
    // Orange's shade 9 is about 3.9:1 on its light background ("expiring" licence, "returned"
    // filing badges): a burnt orange of about 6:1 instead, still read as orange.
    '--mantine-color-orange-light-color': '#9c3d00',
    // Filled teal (pay, accept, served; days-left badges): shade 9, as shade 8 is under 4.5:1 with white text.
    '--mantine-color-teal-filled': 'var(--mantine-color-teal-9)',
    '--mantine-color-teal-filled-hover': 'var(--mantine-color-teal-9)',
    '--mantine-color-indigo-light': 'var(--mantine-color-indigo-0)',
    '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)',
  },
  dark: {},
});
