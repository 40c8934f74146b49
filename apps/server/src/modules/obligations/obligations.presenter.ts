// Whitelists the fields of obligations and tasks that leave the API.
import type {
  ObligationSchedule,
  ObligationTaskDetail,
  ObligationTaskStatus,
  ObligationTaskView,
  ObligationView,
} from '@vigil/contracts';
import type { ObligationRow } from '@vigil/db';
import { dueInstant } from '@vigil/frameworks';
import { daysBetween } from './obligation-rules.js';
import type { TaskJoinedRow, UserRefRow } from './obligations.repository.js';

export interface TaskViewContext {
  today: string;
  timeZone: string;
  users: Map<string, UserRefRow>;
  evidence: Map<string, number>;
  actorId: string | null;
  canWork: boolean;
  canManage: boolean;
}

const ref = (users: Map<string, UserRefRow>, id: string | null) => (id ? (users.get(id) ?? null) : null);

export function presentObligation(
  row: ObligationRow,
  users: Map<string, UserRefRow>,
  stats: { open: number; next: string | null } | undefined,
): ObligationView {
  return {
    id: row.id,
    frameworkKey: row.framework_key,
    ref: row.ref,
    kind: row.kind,
    titleEn: row.title_en,
    titleZh: row.title_zh,
    descriptionEn: row.description_en,
    descriptionZh: row.description_zh,
    level: row.level,
    schedule: JSON.parse(row.schedule) as ObligationSchedule,
    quantity: row.quantity,
    owner: ref(users, row.owner_id),
    active: row.active === 1,
    openTasks: stats?.open ?? 0,
    nextDueOn: stats?.next ?? null,
  };
}

export function presentTask(row: TaskJoinedRow, c: TaskViewContext): ObligationTaskView {
  const open = row.status === 'open';
  const mayWork = open && (c.canManage || (c.canWork && row.owner_id !== null && row.owner_id === c.actorId));
  return {
    id: row.id,
    obligationId: row.obligation_id,
    frameworkKey: row.framework_key,
    ref: row.ref,
    kind: row.kind,
    titleEn: row.title_en,
    titleZh: row.title_zh,
    level: row.level,
    seq: row.seq,
    scheduledOn: row.scheduled_on,
    dueOn: row.due_on,
    dueAt: dueInstant(row.due_on, c.timeZone),
    hours: row.hours,
    audience: row.audience,
    owner: ref(c.users, row.owner_id),
    status: row.status as ObligationTaskStatus,
    overdue: open && row.due_on < c.today,
    daysLeft: daysBetween(c.today, row.due_on),
    evidenceCount: c.evidence.get(row.id) ?? 0,
    completedAt: row.completed_at,
    completedBy: ref(c.users, row.completed_by),
    completionNote: row.completion_note,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    can: { complete: mayWork, assign: open && c.canManage, linkEvidence: mayWork },
  };
}

export function presentTaskDetail(
  row: TaskJoinedRow,
  c: TaskViewContext,
  evidence: {
    id: string;
    kind: string;
    title: string;
    file_name: string | null;
    url: string | null;
    valid_until: string | null;
    linked_at: string;
    linked_by: string | null;
  }[],
): ObligationTaskDetail {
  return {
    ...presentTask(row, c),
    descriptionEn: row.description_en,
    descriptionZh: row.description_zh,
    schedule: JSON.parse(row.schedule) as ObligationSchedule,
    evidence: evidence.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      fileName: e.file_name,
      url: e.url,
      validUntil: e.valid_until,
      linkedAt: e.linked_at,
      linkedBy: ref(c.users, e.linked_by),
    })),
  };
}
