import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  assetCampaignItemList,
  assetCampaignList,
  assetCampaignResponse,
  assetHistoryResponse,
  assetList,
  assetRelationsResponse,
  assetResponse,
  assetValuationSettingsResponse,
  myCampaignItemList,
} from '@vigil/contracts';
import { api, withQuery } from '../../api/client.js';
import { type AssetFilters, filtersToQuery } from './filters.js';

export const assetsKey = ['assets'] as const;
export const valuationKey = ['assets', 'valuation-settings'] as const;
export const campaignsKey = ['assets', 'campaigns'] as const;

export const assetPath = (id: string) => `/api/assets/${encodeURIComponent(id)}`;
export const campaignPath = (id: string) => `/api/assets/campaigns/${encodeURIComponent(id)}`;

export function useAssetList(filters: AssetFilters, pageSize: number) {
  const query = filtersToQuery(filters, pageSize);
  return useQuery({
    queryKey: [...assetsKey, 'list', query],
    queryFn: () => api.get(withQuery('/api/assets', query), assetList),
    placeholderData: keepPreviousData,
  });
}

/** A search over the inventory for pickers (relations): code, name, identifiers. */
export function useAssetSearch(q: string, enabled = true) {
  const query = { q: q.trim() || undefined, limit: 20, sort: 'code' };
  return useQuery({
    queryKey: [...assetsKey, 'search', query],
    queryFn: () => api.get(withQuery('/api/assets', query), assetList),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAsset(id: string | undefined) {
  return useQuery({
    queryKey: [...assetsKey, 'one', id],
    queryFn: () => api.get(assetPath(id ?? ''), assetResponse),
    enabled: Boolean(id),
  });
}

export function useAssetRelations(id: string) {
  return useQuery({
    queryKey: [...assetsKey, 'relations', id],
    queryFn: () => api.get(`${assetPath(id)}/relations`, assetRelationsResponse),
  });
}

export function useAssetHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...assetsKey, 'history', id],
    queryFn: () => api.get(`${assetPath(id)}/history`, assetHistoryResponse),
    enabled,
  });
}

export function useValuationSettings() {
  return useQuery({
    queryKey: valuationKey,
    queryFn: () => api.get('/api/assets/valuation-settings', assetValuationSettingsResponse),
    staleTime: 60_000,
  });
}

export function useCampaigns(offset: number, limit: number, enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'list', offset, limit],
    queryFn: () => api.get(withQuery('/api/assets/campaigns', { offset, limit }), assetCampaignList),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'one', id],
    queryFn: () => api.get(campaignPath(id), assetCampaignResponse),
  });
}

export interface CampaignItemFilters {
  status: 'pending' | 'confirmed' | 'corrected' | null;
  unitId: string | null;
  offset: number;
  limit: number;
}

export function useCampaignItems(id: string, filters: CampaignItemFilters) {
  return useQuery({
    queryKey: [...campaignsKey, 'items', id, filters],
    queryFn: () => api.get(withQuery(`${campaignPath(id)}/items`, { ...filters }), assetCampaignItemList),
    placeholderData: keepPreviousData,
  });
}

export function useMyCampaignItems(enabled: boolean) {
  return useQuery({
    queryKey: [...campaignsKey, 'mine'],
    queryFn: () => api.get('/api/assets/campaigns/mine', myCampaignItemList),
    enabled,
  });
}
