import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NationalIdField } from '#web/ui/NationalIdField.tsx';
import { PARTY_ROLES, type PartyInput } from '../api/save-filing';
import { NumberInput } from '#web/ui/NumberInput.tsx';
import { enteredNumber } from '#web/ui/number-text.ts';

type Kind = PartyInput['kind'];

export function blankParty(kind: Kind = 'citizen', role: string = 'claimant'): PartyInput {
  switch (kind) {
    case 'citizen':
      return { kind, role: role as never, nationalId: '' };
    case 'legal-person':
      return { kind, role: role as never, companyId: '' };
    case 'named':
      return { kind, role: role as never, name: '', address: '' };
    case 'representative':
      // No representative chosen yet: absent, so the server names the field as required.
      return { kind, role: 'representative', representativeId: undefined, represents: 0 };
  }
}

export function PartiesEditor({
  parties,
  onChange,
  errors,
}: {
  parties: PartyInput[];
  onChange: (p: PartyInput[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, p: PartyInput) => onChange(parties.map((x, j) => (j === i ? p : x)));
  const err = (i: number, f: string) => errors[`parties.${i}.${f}`];
  return (
    <Stack data-testid="parties-editor">
      {parties.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity of their own; the position is the key
        <Card withBorder key={i} data-testid={`party-${i}`}>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('filings.party.kind')}
              description={t('filings.help.kind')}
              w={170}
              value={p.kind}
              allowDeselect={false}
              data={(['citizen', 'legal-person', 'named', 'representative'] as const).map((k) => ({
                value: k,
                label: t(`filings.partyKind.${k}`),
              }))}
              onChange={(k) => set(i, blankParty(k as Kind, p.role))}
              data-testid={`party-${i}-kind`}
            />
            {p.kind !== 'representative' ? (
              <Select
                label={t('filings.party.role')}
                description={t('filings.help.role')}
                w={170}
                value={p.role}
                allowDeselect={false}
                data={PARTY_ROLES.map((r) => ({ value: r, label: t(`filings.role.${r}`) }))}
                onChange={(r) => set(i, { ...p, role: r as never })}
                data-testid={`party-${i}-role`}
              />
            ) : null}
            {p.kind === 'citizen' ? (
              <NationalIdField
                value={p.nationalId}
                onChange={(v) => set(i, { ...p, nationalId: v })}
                description={t('filings.help.nationalId')}
                serverError={err(i, 'nationalId')}
                data-testid={`party-${i}-national-id`}
              />
            ) : null}
            {p.kind === 'legal-person' ? (
              <TextInput
                label={t('filings.party.companyId')}
                description={t('filings.help.companyId')}
                value={p.companyId}
                onChange={(e) => set(i, { ...p, companyId: e.currentTarget.value })}
                error={err(i, 'companyId')}
                dir="ltr"
                data-testid={`party-${i}-company-id`}
              />
            ) : null}
            {p.kind === 'named' ? (
              <>
                <TextInput
                  label={t('filings.party.name')}
                  description={t('filings.help.name')}
                  value={p.name}
                  onChange={(e) => set(i, { ...p, name: e.currentTarget.value })}
                  error={err(i, 'name')}
                  data-testid={`party-${i}-name`}
                />
                <NationalIdField
                  value={p.nationalId ?? ''}
                  onChange={(v) => set(i, { ...p, nationalId: v || undefined })}
                  description={t('filings.help.namedNationalId')}
                  serverError={err(i, 'nationalId')}
                  required={false}
                  data-testid={`party-${i}-national-id`}
                />
              </>
            ) : null}
            {p.kind === 'representative' ? (
              <>
                <NumberInput
                  label={t('filings.party.representativeId')}
                  description={t('filings.help.representativeId')}
                  value={p.representativeId ?? ''}
                  min={1}
                  onChange={(v) => set(i, { ...p, representativeId: enteredNumber(v) })}
                  error={err(i, 'representativeId')}
                  data-testid={`party-${i}-representative-id`}
                />
                <Select
                  label={t('filings.party.represents')}
                  description={t('filings.help.represents')}
                  value={String(p.represents)}
                  allowDeselect={false}
                  error={err(i, 'represents')}
                  data={parties
                    .map((x, j) => ({
                      value: String(j),
                      label: `${j + 1}. ${x.kind === 'named' ? x.name : x.kind === 'citizen' ? x.nationalId : x.kind === 'legal-person' ? x.companyId : t('filings.partyKind.representative')}`,
                    }))
                    .filter((o) => o.value !== String(i))}
                  onChange={(v) => set(i, { ...p, represents: Number(v) })}
                  data-testid={`party-${i}-represents`}
                />
              </>
            ) : null}
            {p.kind === 'named' || p.kind === 'citizen' || p.kind === 'legal-person' ? (
              <TextInput
                label={t('filings.party.address')}
                description={t('filings.help.address')}
                style={{ flex: 1, minWidth: 200 }}
                value={p.address ?? ''}
                onChange={(e) => set(i, { ...p, address: e.currentTarget.value })}
                data-testid={`party-${i}-address`}
              />
            ) : null}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('filings.party.remove')}
              onClick={() => onChange(parties.filter((_, j) => j !== i))}
              data-testid={`party-${i}-remove`}
            >
              ×
            </ActionIcon>
          </Group>
        </Card>
      ))}
      {errors.parties ? (
        <Text c="red" size="sm">
          {errors.parties}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          onClick={() => onChange([...parties, blankParty('citizen', parties.length ? 'defendant' : 'claimant')])}
          data-testid="party-add"
        >
          {t('filings.party.add')}
        </Button>
      </Group>
    </Stack>
  );
}
