import { Badge, Box, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import type { AssetView } from '@vigil/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProtectionBadge, useClassificationName } from '../labels.js';
import { asksProtectionQuestions, PROTECTION_DIMENSIONS } from '../valuation.js';

function Group_({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
        {children}
      </SimpleGrid>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children === null || children === undefined || children === '' ? '—' : children}
      </Text>
    </Box>
  );
}

/** Every field of an asset, in the same groups as the form. */
export function AssetFields({ asset, legalRating }: { asset: AssetView; legalRating: boolean }) {
  const { t } = useTranslation();
  const classificationName = useClassificationName();
  const yesNo = (value: boolean) => (value ? t('assets.yes') : t('assets.no'));
  const person = (p: AssetView['owner']) => (p ? `${p.displayName} (${p.username})` : null);
  const hours = (h: number | null) => (h === null ? null : t('assets.hours', { count: h }));

  return (
    <>
      <Group_ id="fields-basic" title={t('assets.sections.basic')}>
        <Field label={t('assets.fields.code')}>{asset.code}</Field>
        <Field label={t('assets.fields.name')}>{asset.name}</Field>
        <Field label={t('assets.fields.type')}>{t(`assets.types.${asset.type}`)}</Field>
        <Field label={t('assets.fields.status')}>{t(`assets.statuses.${asset.status}`)}</Field>
        <Field label={t('assets.fields.commissionedOn')}>{asset.commissionedOn}</Field>
        <Field label={t('assets.fields.retiredOn')}>{asset.retiredOn}</Field>
        <Field label={t('assets.fields.disposedOn')}>{asset.disposedOn}</Field>
        <Field label={t('assets.fields.owner')}>{person(asset.owner)}</Field>
        <Field label={t('assets.fields.custodian')}>{person(asset.custodian)}</Field>
        <Field label={t('assets.fields.unit')}>{asset.unit?.name}</Field>
        <Field label={t('assets.fields.location')}>{asset.location}</Field>
        <Field label={t('assets.fields.vendor')}>{asset.vendor}</Field>
        <Field label={t('assets.fields.endOfSupportOn')}>{asset.endOfSupportOn}</Field>
        <Field label={t('assets.fields.tags')}>
          {asset.tags.length > 0 ? (
            <Group gap={4} component="span">
              {asset.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray.8" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
        </Field>
        <Field label={t('assets.fields.description')}>
          {asset.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{asset.description}</span> : null}
        </Field>
      </Group_>
      <Group_ id="fields-identifiers" title={t('assets.sections.identifiers')}>
        {asset.identifiers.length === 0 ? (
          <Field label={t('assets.sections.identifiers')}>{null}</Field>
        ) : (
          asset.identifiers.map((identifier, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: identifiers may repeat (url, other); order is stable.
            <Field key={index} label={t(`assets.identifierKinds.${identifier.kind}`)}>
              <Text span ff="monospace" size="sm">
                {identifier.value}
              </Text>
            </Field>
          ))
        )}
      </Group_>
      <Group_ id="fields-valuation" title={t('assets.sections.valuation')}>
        <Field label={t('assets.fields.confidentiality')}>{asset.confidentiality}</Field>
        <Field label={t('assets.fields.integrity')}>{asset.integrity}</Field>
        <Field label={t('assets.fields.availability')}>{asset.availability}</Field>
        {legalRating || asset.legal !== null ? (
          <Field label={t('assets.fields.legal')}>{asset.legal}</Field>
        ) : null}
        <Field label={t('assets.fields.value')}>{asset.value}</Field>
        <Field label={t('assets.fields.classification')}>{classificationName(asset.classification)}</Field>
      </Group_>
      <Group_ id="fields-taiwan" title={t('assets.sections.taiwan')}>
        <Field label={t('assets.fields.coreSystem')}>{yesNo(asset.coreSystem)}</Field>
        <Field label={t('assets.fields.criticalInfrastructure')}>{yesNo(asset.criticalInfrastructure)}</Field>
        <Field label={t('assets.fields.informationClass')}>
          {t(`assets.informationClasses.${asset.informationClass}`)}
        </Field>
        <Field label={t('assets.fields.personalData')}>{yesNo(asset.personalData)}</Field>
        <Field label={t('assets.fields.mtpdHours')}>{hours(asset.mtpdHours)}</Field>
        <Field label={t('assets.fields.rtoHours')}>{hours(asset.rtoHours)}</Field>
        <Field label={t('assets.fields.rpoHours')}>{hours(asset.rpoHours)}</Field>
        <Field label={t('assets.fields.protectionLevel')}>
          {asset.protectionLevel ? <ProtectionBadge level={asset.protectionLevel} /> : null}
        </Field>
        {asksProtectionQuestions(asset.type) && asset.protectionAnswers
          ? PROTECTION_DIMENSIONS.map((dimension) => (
              <Field key={dimension} label={t(`assets.schedule9.short.${dimension}`)}>
                {asset.protectionAnswers
                  ? t(`assets.protection.${asset.protectionAnswers[dimension]}`)
                  : null}
              </Field>
            ))
          : null}
      </Group_>
    </>
  );
}
