import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ok } from '@vigil/contracts';
import { useState } from 'react';
import { api } from '../api/client.js';

/**
 * A delete that waits for the user's confirmation: `ask(item)` opens the dialog, and `confirmProps`
 * wires a ConfirmModal to send the DELETE, refresh `queryKey` and close, or to close and forget a failure.
 */
export function useConfirmedDelete<T extends { id: string }>(
  path: (id: string) => string,
  queryKey: QueryKey,
) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<T | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(path(id), ok),
    onSuccess: async () => {
      setTarget(null);
      await queryClient.invalidateQueries({ queryKey });
    },
  });

  return {
    /** The item the dialog asks about; null while it is closed. */
    target,
    ask: setTarget,
    confirmProps: {
      opened: target !== null,
      onConfirm: () => target && remove.mutate(target.id),
      onClose: () => {
        remove.reset();
        setTarget(null);
      },
      loading: remove.isPending,
      error: remove.error,
      danger: true,
    },
  };
}
