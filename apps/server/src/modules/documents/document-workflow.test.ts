import { describe, expect, it } from 'vitest';
import {
  type Participant,
  reviewStage,
  transition,
  type VersionStatus,
  type WorkflowAction,
  type WorkflowState,
} from './document-workflow.js';

const R1 = 'reviewer-1';
const R2 = 'reviewer-2';
const A1 = 'approver-1';
const p = (
  userId: string,
  role: Participant['role'],
  decision: Participant['decision'] = null,
): Participant => ({
  userId,
  role,
  decision,
});

const inReview: Participant[] = [p(R1, 'reviewer'), p(R2, 'reviewer'), p(A1, 'approver')];
const reviewed: Participant[] = [
  p(R1, 'reviewer', 'approve'),
  p(R2, 'reviewer', 'approve'),
  p(A1, 'approver'),
];
const state = (status: VersionStatus, participants: Participant[] = []): WorkflowState => ({
  status,
  participants,
});

const submit: WorkflowAction = { type: 'submit', reviewers: [R1, R2], approvers: [A1] };
const decide = (
  userId: string,
  role: Participant['role'],
  decision: 'approve' | 'reject' = 'approve',
): WorkflowAction => ({
  type: 'decide',
  userId,
  role,
  decision,
});

const ALL: VersionStatus[] = ['draft', 'review', 'approved', 'published', 'obsolete'];

describe('document version workflow', () => {
  // Every status × every action: the outcome (next status) or the refusal code.
  const table: [string, WorkflowAction, Partial<Record<VersionStatus, string>>][] = [
    ['edit', { type: 'edit' }, { draft: '=draft' }],
    ['submit', submit, { draft: '=review' }],
    ['recall', { type: 'recall' }, { review: '=draft' }],
    ['publish', { type: 'publish' }, { approved: '=published' }],
    ['withdraw', { type: 'withdraw' }, { published: '=obsolete' }],
    ['supersede', { type: 'supersede' }, { published: '=obsolete' }],
  ];
  const refusalOf: Record<string, string> = {
    edit: 'document.not_draft',
    submit: 'document.not_draft',
    recall: 'document.not_in_review',
    publish: 'document.not_approved',
    withdraw: 'document.not_published',
    supersede: 'document.not_published',
  };
  for (const [name, action, allowed] of table) {
    it.each(ALL)(`${name} from %s`, (from) => {
      const result = transition(state(from, from === 'review' ? inReview : []), action);
      const expected = allowed[from];
      if (expected) {
        expect(result.ok && result.state.status).toBe(expected.slice(1));
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.code).toBe(refusalOf[name]);
      }
    });
  }

  it.each(ALL.filter((s) => s !== 'review'))('no decision outside review (%s)', (from) => {
    const r = transition(state(from, inReview), decide(R1, 'reviewer'));
    expect(r).toMatchObject({ ok: false, code: 'document.not_in_review' });
  });

  it('submitting needs a reviewer and an approver', () => {
    expect(transition(state('draft'), { type: 'submit', reviewers: [], approvers: [A1] })).toMatchObject({
      ok: false,
      status: 400,
      code: 'document.participants_required',
    });
    expect(transition(state('draft'), { type: 'submit', reviewers: [R1], approvers: [] })).toMatchObject({
      ok: false,
      code: 'document.participants_required',
    });
  });

  it('reviewers first, then approvers; the last approval approves', () => {
    let s = (transition(state('draft'), submit) as { state: WorkflowState }).state;
    expect(reviewStage(s.participants)).toBe('reviewer');
    expect(transition(s, decide(A1, 'approver'))).toMatchObject({
      ok: false,
      code: 'document.reviews_pending',
    });
    const r1 = transition(s, decide(R1, 'reviewer'));
    expect(r1).toMatchObject({ ok: true, outcome: 'decided', state: { status: 'review' } });
    s = (r1 as { state: WorkflowState }).state;
    expect(transition(s, decide(R1, 'reviewer'))).toMatchObject({
      ok: false,
      code: 'document.already_decided',
    });
    s = (transition(s, decide(R2, 'reviewer')) as { state: WorkflowState }).state;
    expect(reviewStage(s.participants)).toBe('approver');
    expect(transition(s, decide(A1, 'approver'))).toMatchObject({
      ok: true,
      outcome: 'approved',
      state: { status: 'approved' },
    });
  });

  it('only named people decide, each in their own role', () => {
    expect(transition(state('review', inReview), decide('stranger', 'reviewer'))).toMatchObject({
      ok: false,
      status: 403,
      code: 'document.not_named_reviewer',
    });
    expect(transition(state('review', reviewed), decide(R1, 'approver'))).toMatchObject({
      ok: false,
      status: 403,
      code: 'document.not_named_approver',
    });
  });

  it.each([
    ['a reviewer', state('review', inReview), decide(R2, 'reviewer', 'reject')],
    ['an approver', state('review', reviewed), decide(A1, 'approver', 'reject')],
  ])('a rejection by %s returns the version to draft', (_who, from, action) => {
    expect(transition(from, action)).toMatchObject({
      ok: true,
      outcome: 'rejected',
      state: { status: 'draft', participants: [] },
    });
  });

  it('names each participant once even when listed twice', () => {
    const r = transition(state('draft'), { type: 'submit', reviewers: [R1, R1], approvers: [A1] });
    expect(r.ok && r.state.participants).toHaveLength(2);
  });
});
