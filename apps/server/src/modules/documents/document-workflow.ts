// The approval workflow of a document version, as a pure function: state + action → next state or refusal.
// draft → review (reviewers, then approvers) → approved → published → obsolete; a rejection returns to draft.

export type VersionStatus = 'draft' | 'review' | 'approved' | 'published' | 'obsolete';
export type ParticipantRole = 'reviewer' | 'approver';
export type Decision = 'approve' | 'reject';

export interface Participant {
  userId: string;
  role: ParticipantRole;
  decision: Decision | null;
}

export interface WorkflowState {
  status: VersionStatus;
  participants: readonly Participant[];
}

export type WorkflowAction =
  | { type: 'edit' }
  | { type: 'submit'; reviewers: readonly string[]; approvers: readonly string[] }
  | { type: 'recall' }
  | { type: 'decide'; role: ParticipantRole; userId: string; decision: Decision }
  | { type: 'publish' }
  | { type: 'withdraw' }
  | { type: 'supersede' };

export interface Refusal {
  ok: false;
  status: 400 | 403 | 409;
  code: string;
  message: string;
}

export interface Transition {
  ok: true;
  state: WorkflowState;
  /** What happened, for the audit trail: `rejected` sends the version back to draft. */
  outcome:
    | 'unchanged'
    | 'submitted'
    | 'recalled'
    | 'decided'
    | 'rejected'
    | 'approved'
    | 'published'
    | 'obsolete';
}

/** Whose decision is awaited while a version is in review. */
export function reviewStage(participants: readonly Participant[]): ParticipantRole | null {
  if (participants.some((p) => p.role === 'reviewer' && p.decision === null)) return 'reviewer';
  if (participants.some((p) => p.role === 'approver' && p.decision === null)) return 'approver';
  return null;
}

const refuse = (status: Refusal['status'], code: string, message: string): Refusal => ({
  ok: false,
  status,
  code,
  message,
});

const notDraft = () => refuse(409, 'document.not_draft', 'only a draft version can be changed');

/** Applies one action; never throws. */
export function transition(state: WorkflowState, action: WorkflowAction): Transition | Refusal {
  const { status, participants } = state;
  switch (action.type) {
    case 'edit':
      return status === 'draft' ? { ok: true, state, outcome: 'unchanged' } : notDraft();
    case 'submit': {
      if (status !== 'draft') return notDraft();
      if (action.reviewers.length === 0 || action.approvers.length === 0)
        return refuse(400, 'document.participants_required', 'name at least one reviewer and one approver');
      const next: Participant[] = [
        ...unique(action.reviewers).map((userId) => ({ userId, role: 'reviewer' as const, decision: null })),
        ...unique(action.approvers).map((userId) => ({ userId, role: 'approver' as const, decision: null })),
      ];
      return { ok: true, state: { status: 'review', participants: next }, outcome: 'submitted' };
    }
    case 'recall':
      if (status !== 'review') return notInReview();
      return { ok: true, state: { status: 'draft', participants: [] }, outcome: 'recalled' };
    case 'decide': {
      if (status !== 'review') return notInReview();
      const me = participants.find((p) => p.role === action.role && p.userId === action.userId);
      if (!me)
        return refuse(
          403,
          action.role === 'reviewer' ? 'document.not_named_reviewer' : 'document.not_named_approver',
          `you are not a named ${action.role} of this version`,
        );
      if (me.decision !== null)
        return refuse(409, 'document.already_decided', 'you have already recorded your decision');
      if (reviewStage(participants) !== action.role)
        return refuse(409, 'document.reviews_pending', 'the approvers decide once every reviewer has');
      if (action.decision === 'reject')
        return { ok: true, state: { status: 'draft', participants: [] }, outcome: 'rejected' };
      const next = participants.map((p) => (p === me ? { ...p, decision: 'approve' as const } : p));
      const done = reviewStage(next) === null;
      return {
        ok: true,
        state: { status: done ? 'approved' : 'review', participants: next },
        outcome: done ? 'approved' : 'decided',
      };
    }
    case 'publish':
      if (status !== 'approved')
        return refuse(409, 'document.not_approved', 'only an approved version can be published');
      return { ok: true, state: { status: 'published', participants }, outcome: 'published' };
    case 'withdraw':
    case 'supersede':
      if (status !== 'published')
        return refuse(409, 'document.not_published', 'only the published version can be made obsolete');
      return { ok: true, state: { status: 'obsolete', participants }, outcome: 'obsolete' };
  }
}

function notInReview(): Refusal {
  return refuse(409, 'document.not_in_review', 'this version is not in review');
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
