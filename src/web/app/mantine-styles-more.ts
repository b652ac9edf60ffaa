/**
 * Mantine's per-component CSS for the signed-in shell and the pages that must stay light (the
 * counter), beyond the base in mantine-styles.ts, in Mantine's own order. Everything else Daftar
 * uses is in mantine-styles-rest.ts, which every other page loads with its chunk.
 */
import '@mantine/core/styles/Badge.layer.css';
import '@mantine/core/styles/Burger.layer.css';
import '@mantine/core/styles/Card.layer.css';
import '@mantine/core/styles/Divider.layer.css';
import '@mantine/core/styles/Grid.layer.css';
import '@mantine/core/styles/NavLink.layer.css';
import '@mantine/core/styles/SimpleGrid.layer.css';
import '@mantine/core/styles/Table.layer.css';
