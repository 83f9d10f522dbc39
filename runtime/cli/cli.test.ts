import { describe, expect, it } from 'vitest';
import { flowcall, stackTrace } from './test-helpers.ts';

describe('flowcall', () => {
  it('lists the commands for help, exit 0', () => {
    const run = flowcall(['help']);
    expect(run.status).toBe(0);
    for (const name of ['validate', 'simulate', 'test', 'serve']) expect(run.stdout).toContain(`  ${name}`);
    expect(flowcall(['help', 'test']).stdout).toContain('Usage: flowcall test [paths…]');
    expect(flowcall(['simulate', '--help']).stdout).toContain('Usage: flowcall simulate');
  });

  it('answers an unknown command or no command with the usage, exit 2', () => {
    for (const args of [['frobnicate'], [], ['test', '--watch']]) {
      const run = flowcall(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: flowcall');
      expect(run.stderr).not.toMatch(stackTrace);
    }
  });

  it('refuses arguments to serve (it is configured by environment variables)', () => {
    const run = flowcall(['serve', '--port', '9999']);
    expect(run.stderr).toContain('serve takes no arguments');
    expect(run.status).toBe(2);
  });
});
