#!/usr/bin/env node
// Runs the TypeScript `daftar` command through tsx, so `npx daftar …` works without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/daftar.ts');
