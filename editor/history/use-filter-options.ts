/**
 * What the history filters offer: the workspace's numbers (with their names) and flows. Loaded
 * once per page; a failure leaves the selects with "all" only (the log itself still works).
 */
import { useEffect, useState } from 'react';
import { api, type FlowSummary, type NumberRecord } from '../api/client.ts';

export interface FilterOptions {
  numbers: NumberRecord[];
  flows: FlowSummary[];
}

export function useFilterOptions(): FilterOptions {
  const [options, setOptions] = useState<FilterOptions>({ numbers: [], flows: [] });
  useEffect(() => {
    let current = true;
    Promise.all([api.numbers(), api.flows()]).then(
      ([numbers, flows]) => current && setOptions({ numbers, flows }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return options;
}
