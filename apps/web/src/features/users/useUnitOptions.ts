import { useMemo } from 'react';
import { usePermissions } from '../../api/session.js';
import { useUnits } from '../org/api.js';
import { buildUnitTree, flattenUnitTree, unitPaths } from '../org/unitTree.js';

/** Units as select options (full path as label) and a lookup of names by id, when readable. */
export function useUnitOptions() {
  const can = usePermissions();
  const units = useUnits(can('org.read'));
  return useMemo(() => {
    const items = units.data?.items ?? [];
    const paths = unitPaths(items);
    const options = flattenUnitTree(buildUnitTree(items)).map((node) => ({
      value: node.unit.id,
      label: paths.get(node.unit.id) ?? node.unit.name,
    }));
    return { options, nameOf: (id: string | null) => (id ? (paths.get(id) ?? id) : '') };
  }, [units.data]);
}
