/** Canadian French UI strings: the France table with Québec usage (téléverser; no space before ? and !). */
import type { Strings } from '../en.ts';
import fr from './fr-FR.ts';

const strings: Strings = {
  ...fr,
  defaultGreeting: 'Comment puis-je vous aider aujourd’hui?',
  deleteThreadConfirm: 'Supprimer cette conversation? Cette action est irréversible.',
  defaultPlaceholder: 'Écrivez un message à l’IA',
  uploading: 'Téléversement…',
  uploadFailed: 'Impossible de téléverser {name}.',
  retryUpload: 'Réessayer de téléverser {name}',
  dropFilesHere: 'Déposez des fichiers ici pour les joindre',
  microphoneDenied: 'L’accès au microphone a été refusé.',
  feedbackThanks: 'Merci de vos commentaires!',
  networkError: 'Erreur réseau. Vérifiez votre connexion, puis réessayez.',
  noThreads: 'Aucune conversation pour l’instant',
};
export default strings;
