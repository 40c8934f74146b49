import type { DocumentLevelView, DocumentVersionStatus } from '@vigil/contracts';
import type { StatusTone } from '../../components/StatusBadge.js';

export const levelName = (l: DocumentLevelView | undefined, language: string) =>
  l ? (language === 'zh-TW' ? l.nameZh : l.nameEn) : '';

export const STATUS_TONE: Record<DocumentVersionStatus, StatusTone> = {
  draft: 'neutral',
  review: 'neutral',
  approved: 'success',
  published: 'success',
  obsolete: 'danger',
};
