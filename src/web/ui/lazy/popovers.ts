/**
 * Mantine's floating components (their positioning library, floating-ui, is ~15 KB gzipped), in
 * their own chunk for pages that show them only after a first action (see LazySelect, LazyTooltip).
 */
export { Select, Tooltip } from '@mantine/core';
import '#web/app/mantine-styles-rest.ts';
