/** Latin American Spanish UI strings: the Spain table with the wording used across the Americas. */
import type { Strings } from '../en.ts';
import es from './es-ES.ts';

const strings: Strings = {
  ...es,
  defaultPlaceholder: 'Envíale un mensaje a la IA',
  fileTooLarge: '{name} pesa más de {max}.',
  fileTypeNotAccepted: 'No se admite el tipo de archivo de {name}.',
  uploading: 'Cargando…',
  uploadFailed: 'No se pudo cargar {name}.',
  retryUpload: 'Volver a cargar {name}',
  microphoneDenied: 'Se negó el acceso al micrófono.',
  feedbackThanks: '¡Gracias por tu opinión!',
  networkError: 'Error de red. Verifica tu conexión y vuelve a intentarlo.',
  threadClosed: 'Esta conversación terminó.',
  deleteThreadConfirm: '¿Quieres eliminar esta conversación? No se puede deshacer.',
  jumpToLatest: 'Ir a lo más reciente',
  opensInNewTab: '(se abre en otra pestaña)',
  noThreads: 'Todavía no hay conversaciones',
  older: 'Más antiguas',
};
export default strings;
