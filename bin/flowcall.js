#!/usr/bin/env node
// The `flowcall` command. Plain JavaScript on purpose: it registers tsx so the TypeScript
// sources run as they are, and `npx flowcall …` works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../runtime/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
