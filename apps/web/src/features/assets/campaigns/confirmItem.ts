import { useMutation, useQueryClient } from '@tanstack/react-query';
import { assetCampaignItem, type ConfirmCampaignItemRequest, type myCampaignItem } from '@vigil/contracts';
import type { z } from 'zod';
import { api } from '../../../api/client.js';
import { assetsKey, campaignPath, campaignsKey } from '../api.js';

export type MyItem = z.infer<typeof myCampaignItem>;

/** Confirms (or corrects and confirms) one campaign item of the signed-in owner. */
export function useConfirmItem(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ item, body }: { item: MyItem; body: ConfirmCampaignItemRequest }) =>
      api.post(
        `${campaignPath(item.campaign.id)}/items/${encodeURIComponent(item.id)}/confirm`,
        assetCampaignItem,
        body,
      ),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries({ queryKey: campaignsKey });
      await queryClient.invalidateQueries({ queryKey: assetsKey });
    },
  });
}
