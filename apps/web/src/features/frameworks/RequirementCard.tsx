import { Anchor, Card, Group, List, Stack, Text } from '@mantine/core';
import type { FrameworkNodeView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useText } from './api.js';
import { type ScheduleWords, scheduleText } from './tree.js';

export const nodeAnchor = (ref: string) => `req-${ref.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
const PROTECTION = ['normal', 'medium', 'high'] as const;
const AUDIENCES = ['security_staff', 'it_staff', 'it_staff_general', 'general_staff'] as const;
const isAudience = (a: string): a is (typeof AUDIENCES)[number] => AUDIENCES.some((x) => x === a);

/** One requirement: title, description, applicability, obligation schedule, baseline and mappings. */
export function RequirementCard({
  node,
  depth,
  highlighted,
}: {
  node: FrameworkNodeView;
  depth: number;
  highlighted: boolean;
}) {
  const { t } = useTranslation();
  const text = useText();
  const words: ScheduleWords = (key, values) => t(key, values);
  const audience = (a: string | undefined) =>
    a && isAudience(a) ? t(`frameworks.audience.${a}`) : (a ?? '');
  const obligation = node.obligation;
  return (
    <Card
      component="article"
      id={nodeAnchor(node.ref)}
      aria-label={`${node.ref} ${text(node.title)}`}
      // The requirement a mapping link led to is outlined and takes the focus (FrameworkPage).
      aria-current={highlighted ? 'true' : undefined}
      tabIndex={highlighted ? -1 : undefined}
      withBorder
      padding="sm"
      ml={depth * 16}
      style={highlighted ? { outline: '2px solid var(--mantine-color-blue-filled)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} component="span">
            {node.ref}
          </Text>
          <Text component="span">{text(node.title)}</Text>
          {node.soa ? (
            <StatusBadge tone="neutral" size="sm" miw="max-content">
              {t('frameworks.node.soa')}
            </StatusBadge>
          ) : null}
        </Group>
        {node.description ? <Text size="sm">{text(node.description)}</Text> : null}
        {node.applicability?.levels ? (
          <Text size="sm">{`${t('frameworks.node.levels')}: ${node.applicability.levels.join(', ')}`}</Text>
        ) : null}
        {node.applicability?.protectionLevels ? (
          <Text size="sm">
            {`${t('frameworks.node.protectionLevels')}: ${node.applicability.protectionLevels
              .map((l) => t(`frameworks.protection.${l}`))
              .join(', ')}`}
          </Text>
        ) : null}
        {obligation ? (
          <div>
            <Text size="sm" fw={600}>{`${t('frameworks.node.obligation')} (${obligation.kind})`}</Text>
            <List size="sm">
              {LEVELS.flatMap((level) => {
                const s = obligation.byLevel[level];
                const qty = obligation.quantityByLevel?.[level];
                const items = [];
                if (s)
                  items.push(
                    <List.Item key={`s-${level}`}>
                      {t('frameworks.schedule.level', {
                        level,
                        text: scheduleText(s, words, audience(s.audience)),
                      })}
                    </List.Item>,
                  );
                if (qty !== undefined)
                  items.push(
                    <List.Item key={`q-${level}`}>
                      {t('frameworks.node.quantity', { level, count: qty })}
                    </List.Item>,
                  );
                return items;
              })}
            </List>
          </div>
        ) : null}
        {node.baseline ? (
          <div>
            <Text size="sm" fw={600}>
              {t('frameworks.node.baseline')}
            </Text>
            <List size="sm">
              {PROTECTION.flatMap((l) => {
                const b = node.baseline?.[l];
                return b
                  ? [<List.Item key={l}>{`${t(`frameworks.protection.${l}`)}: ${text(b)}`}</List.Item>]
                  : [];
              })}
            </List>
          </div>
        ) : null}
        {node.mappings.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('frameworks.node.mappings')}
            </Text>
            <List size="sm">
              {node.mappings.map((m) => (
                <List.Item key={`${m.framework}:${m.ref}`}>
                  {`${t(`frameworks.relation.${m.relation}`)} `}
                  {m.versionId ? (
                    <Anchor
                      component={Link}
                      to={`/frameworks/${encodeURIComponent(m.framework)}?ref=${encodeURIComponent(m.ref)}`}
                    >
                      {`${m.frameworkName ? text(m.frameworkName) : m.framework} ${m.ref}`}
                    </Anchor>
                  ) : (
                    `${m.framework} ${m.ref} (${t('frameworks.node.notInstalled')})`
                  )}
                  {m.title
                    ? ` — ${text(m.title)}`
                    : m.versionId
                      ? ` (${t('frameworks.node.unknownRef')})`
                      : ''}
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}
