#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step for the server).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
