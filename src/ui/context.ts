/** The models the views read, provided once at the root. Views never call the backend themselves. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppModel } from '../store/app-model.ts';
import type { ChatModel } from '../store/chat-model.ts';
import type { ComposerModel } from '../store/composer-model.ts';
import type { HistoryModel } from '../store/history-model.ts';

/** Everything the views read and the actions they call. */
export interface Models {
  app: AppModel;
  chat: ChatModel;
  composer: ComposerModel;
  history: HistoryModel;
}

/** Provided by `<App>`. */
export const ModelsContext = createContext<Models | null>(null);

/** The models; throws outside `<App>` (a programming error, not a runtime condition). */
export function useModels(): Models {
  const models = useContext(ModelsContext);
  if (!models) throw new Error('useModels() outside <App>');
  return models;
}
