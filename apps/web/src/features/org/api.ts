import { useQuery } from '@tanstack/react-query';
import { organisationResponse, unitList } from '@vigil/contracts';
import { api } from '../../api/client.js';

export const orgKey = ['org'] as const;
export const unitsKey = ['units'] as const;

export function useOrganisation(enabled = true) {
  return useQuery({ queryKey: orgKey, queryFn: () => api.get('/api/org', organisationResponse), enabled });
}

export function useUnits(enabled = true) {
  return useQuery({ queryKey: unitsKey, queryFn: () => api.get('/api/units', unitList), enabled });
}
