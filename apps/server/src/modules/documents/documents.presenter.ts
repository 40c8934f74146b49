// What leaves the API about documents: whitelisted fields only.
import type {
  DocumentClassification,
  DocumentDetail,
  DocumentLevelView,
  DocumentListItem,
  DocumentRequirement,
  DocumentVersionStatus,
  DocumentVersionView,
} from '@vigil/contracts';
import type { DocumentLevelRow, DocumentParticipantRow, DocumentVersionRow } from '@vigil/db';
import type { UserRefRow } from '../users/users.repository.js';
import type { RegisterRow } from './document-register.repository.js';
import { reviewStage } from './document-workflow.js';

export function presentLevel(row: DocumentLevelRow, documentCount: number): DocumentLevelView {
  return {
    id: row.id,
    rank: row.rank,
    prefix: row.prefix,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    isRecord: row.is_record === 1,
    retentionYears: row.retention_years,
    documentCount,
  };
}

export function presentListItem(
  row: RegisterRow,
  users: Map<string, UserRefRow>,
  today: string,
): DocumentListItem {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    levelId: row.level_id,
    owner: row.owner_id ? (users.get(row.owner_id) ?? null) : null,
    classification: row.classification as DocumentClassification,
    latestStatus: (row.latest_status as DocumentVersionStatus | null) ?? null,
    latestVersion: row.latest_version ?? null,
    publishedVersion: row.published_version ?? null,
    nextReviewOn: row.next_review_on,
    reviewOverdue: row.published_version != null && row.next_review_on != null && row.next_review_on < today,
    updatedAt: row.updated_at,
  };
}

export function presentDetail(
  row: RegisterRow,
  users: Map<string, UserRefRow>,
  today: string,
  versions: DocumentVersionRow[],
  levelRetention: number | null,
): DocumentDetail {
  return {
    ...presentListItem(row, users, today),
    requirements: JSON.parse(row.requirements) as DocumentRequirement[],
    reviewIntervalMonths: row.review_interval_months,
    retentionYears: row.retention_years,
    effectiveRetentionYears: row.retention_years ?? levelRetention,
    createdAt: row.created_at,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status as DocumentVersionStatus,
      format: v.format as 'markdown' | 'file',
      changeSummary: v.change_summary,
      createdAt: v.created_at,
      publishedAt: v.published_at,
      disposedAt: v.disposed_at,
    })),
  };
}

export function presentVersion(
  v: DocumentVersionRow,
  doc: { number: string; title: string },
  participants: DocumentParticipantRow[],
  users: Map<string, UserRefRow>,
  can: DocumentVersionView['can'],
): DocumentVersionView {
  const ref = (id: string | null) => (id ? (users.get(id) ?? { id, displayName: '?', username: '?' }) : null);
  const status = v.status as DocumentVersionStatus;
  return {
    id: v.id,
    documentId: v.document_id,
    documentNumber: doc.number,
    documentTitle: doc.title,
    version: v.version,
    status,
    format: v.format as 'markdown' | 'file',
    body: v.body,
    file:
      v.file_sha256 && v.file_name && v.file_type
        ? { name: v.file_name, contentType: v.file_type, size: v.file_size ?? 0 }
        : null,
    changeSummary: v.change_summary,
    createdBy: ref(v.created_by),
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    submittedAt: v.submitted_at,
    approvedAt: v.approved_at,
    publishedAt: v.published_at,
    obsoleteAt: v.obsolete_at,
    disposedAt: v.disposed_at,
    stage: status === 'review' ? reviewStage(toParticipants(participants)) : null,
    participants: participants.map((p) => ({
      user: ref(p.user_id) ?? { id: p.user_id, displayName: '?', username: '?' },
      role: p.role as 'reviewer' | 'approver',
      decision: p.decision as 'approve' | 'reject' | null,
      comment: p.comment,
      decidedAt: p.decided_at,
    })),
    can,
  };
}

export function toParticipants(rows: DocumentParticipantRow[]) {
  return rows.map((p) => ({
    userId: p.user_id,
    role: p.role as 'reviewer' | 'approver',
    decision: p.decision as 'approve' | 'reject' | null,
  }));
}
