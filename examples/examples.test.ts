/**
 * Every example ships flow tests; they run here too (one Vitest test per case) so CI counts
 * them, and each example must keep 100% port coverage.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summariseCoverage } from '../runtime/simulator/coverage.ts';
import { runFlowTests } from '../runtime/simulator/flow-tests.ts';
import { loadFlowContext, readJsonFile, readTestFile } from '../runtime/simulator/load-files.ts';

const examplesDir = dirname(fileURLToPath(import.meta.url));
const examples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe.each(examples)('example %s', (name) => {
  const testFile = readTestFile(join(examplesDir, name, 'flow.test.json'));
  if (!testFile.ok) throw new Error(`${name}: ${testFile.message}`);
  const flowPath = testFile.file.flowPath ?? join(examplesDir, name, 'flow.json');
  const flow = readJsonFile(flowPath);
  if (!flow.ok) throw new Error(`${name}: ${flow.message}`);
  const context = loadFlowContext(flowPath);
  const report = runFlowTests(testFile.file.doc, flow.value, context);

  it('is a valid flow with a valid test file', () => {
    expect(report.documentIssues).toEqual([]);
    expect(report.flowIssues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(report.cases.length).toBeGreaterThan(0);
  });

  it.each(report.cases.map((c) => [c.name, c] as const))('%s', (_name, result) => {
    expect(result.reasons).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('covers every port and node', () => {
    expect(report.coverage).toBeDefined();
    const summary = summariseCoverage(report.coverage!);
    expect(summary).toMatchObject({ uncoveredPorts: [] });
    expect(summary.ports.covered).toBe(summary.ports.total);
  });
});
