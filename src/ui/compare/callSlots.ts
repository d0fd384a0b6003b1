import type { LanguageModel, RequestLimiter } from '../../engine/index';

/**
 * The model behind one limit shared by several runs: a request waits for a slot just before it is
 * sent (after the run's own admission), so runs going side by side never have more calls in flight
 * than the limit; answers from the response cache take no slot.
 */
export function sharingCallSlots(model: LanguageModel, slots: RequestLimiter): LanguageModel {
  return {
    id: model.id,
    async complete(request) {
      let release: (() => void) | null = null;
      try {
        return await model.complete({
          ...request,
          admit: async () => {
            await request.admit?.();
            release = await slots.acquire(request.signal);
          },
        });
      } finally {
        (release as (() => void) | null)?.();
      }
    },
  };
}
