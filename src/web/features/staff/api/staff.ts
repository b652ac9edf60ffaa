/** The staff registry and employment API, as the web app uses it. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type LocalizedText } from '#web/app/api-client.ts';

type StaffRole = 'operator' | 'office_manager' | 'consultant';
export type LicenceStatus = 'active' | 'expiring' | 'expired' | 'suspended' | 'revoked';
export type ContractType = 'permanent' | 'fixed-term' | 'probation' | 'hourly';
export const CONTRACT_TYPES: ContractType[] = ['permanent', 'fixed-term', 'probation', 'hourly'];
export const EDUCATION_LEVELS = ['diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;

interface OfficeRef {
  id: number;
  code: string;
  name: LocalizedText;
}
interface StaffRoleEntry {
  role: StaffRole;
  office: OfficeRef;
  provinceId: number;
}

export interface StaffListItem {
  id: number;
  username: string | null;
  name: { first: string; last: string };
  nationalId: string | null;
  roles: StaffRoleEntry[];
  educationLevel: string | null;
  licence: { id: number; number: string; status: LicenceStatus; expiresOn: string } | null;
  contract: { type: ContractType; fullTime: boolean; endsOn: string | null } | null;
  insured: boolean;
}

export interface StaffFilter {
  q?: string;
  provinceId?: string | null;
  officeId?: string | null;
  role?: string | null;
  licence?: string | null;
  insured?: string | null;
  page: number;
  pageSize: number;
}

export interface Contract {
  id: number;
  office: OfficeRef;
  type: ContractType;
  fullTime: boolean;
  weeklyHours: number;
  monthlyWageRials: number;
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  inForce: boolean;
}
export interface InsurancePeriod {
  id: number;
  office: OfficeRef;
  insuranceNumber: string;
  startsOn: string;
  endsOn: string | null;
  current: boolean;
}

export interface StaffRecord {
  id: number;
  username: string | null;
  name: { first: string; last: string };
  nationalId: string | null;
  mobile: string | null;
  roles: StaffRoleEntry[];
  profile: {
    educationLevel: string | null;
    educationField: string | null;
    insuranceNumber: string | null;
    hasPhoto: boolean;
  };
  offices: { office: OfficeRef; provinceId: number; from: string | null; to: string | null; current: boolean }[];
  contracts: Contract[];
  insurance: InsurancePeriod[];
  insured: boolean;
  licences: {
    id: number;
    number: string;
    office: { id: number; code: string };
    serviceCodes: string[];
    status: LicenceStatus;
    issuedOn: string;
    expiresOn: string;
    statusReason: string | null;
    suspendedUntil: string | null;
  }[];
  training: {
    courses: {
      courseId: number;
      code: string;
      titleFa: string;
      kind: string;
      attended: boolean;
      hasExam: boolean;
      examPassed: boolean;
      qualified: boolean;
    }[];
    continuingEducationHours: number;
  };
  history: { on: string; kind: string; office: { id: number; code: string } | null; detail: string | null }[];
  canManage: boolean;
  manageableOfficeIds: number[];
}

export interface Alert {
  kind: 'insurance-lapsed' | 'contract-ending' | 'contract-ended-role-held' | 'licence-expiring';
  key: string;
  person: { id: number; name: { first: string; last: string } };
  office: OfficeRef;
  provinceId: number;
  dueOn: string | null;
  contractId: number | null;
  licenceId: number | null;
}

export interface Stats {
  headcount: number;
  insured: number;
  coverageRate: number | null;
  contractTypes: Record<ContractType, number>;
  fullTimeShare: number | null;
  averageWageRials: number | null;
  leavers: number;
  turnover: number | null;
}
export interface WorkforceStats {
  day: string;
  offices: (Stats & { office: OfficeRef; provinceId: number })[];
  provinces: (Stats & { province: { id: number; name: LocalizedText } })[];
}

export const useStaffList = (filter: StaffFilter) =>
  useQuery(
    queryOptions({
      queryKey: ['staff', 'list', filter],
      queryFn: ({ signal }) =>
        api<{ items: StaffListItem[]; total: number; page: number; pageSize: number }>('/api/v1/staff', {
          params: { ...filter },
          signal,
        }),
      placeholderData: keepPreviousData,
    }),
  );

export const useStaffRecord = (id: string | undefined) =>
  useQuery({
    queryKey: ['staff', 'record', id],
    queryFn: ({ signal }) => api<StaffRecord>(`/api/v1/staff/${id}`, { signal }),
    enabled: !!id,
  });

export const useOwnRecord = () =>
  useQuery({
    queryKey: ['staff', 'own'],
    queryFn: ({ signal }) => api<StaffRecord>('/api/v1/me/staff-record', { signal }),
  });

export const useOffices = (provinceId: string | null | undefined) =>
  useQuery({
    queryKey: ['offices', 'directory', provinceId ?? 'all'],
    queryFn: ({ signal }) =>
      call('offices.directory', { query: { provinceId: provinceId ?? undefined, pageSize: 200 } }, { signal }),
  });

export const useAlerts = () =>
  useQuery({
    queryKey: ['employment', 'alerts'],
    queryFn: ({ signal }) => api<{ items: Alert[]; total: number }>('/api/v1/employment/alerts', { signal }),
  });
export const useWorkforceStats = (provinceId: string | null) =>
  useQuery({
    queryKey: ['employment', 'stats', provinceId],
    queryFn: ({ signal }) => api<WorkforceStats>('/api/v1/employment/stats', { params: { provinceId }, signal }),
    placeholderData: keepPreviousData,
  });

/** Every write refreshes the person's record and the lists that summarise it. */
function useStaffMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      client
        .invalidateQueries({ queryKey: ['staff'] })
        .then(() => client.invalidateQueries({ queryKey: ['employment'] })),
  });
}

export interface ContractInput {
  type: ContractType;
  fullTime: boolean;
  weeklyHours: number;
  monthlyWageRials: number;
  startsOn: string;
  endsOn: string | null;
}
export const useAddContract = (personId: number) =>
  useStaffMutation((body: ContractInput) =>
    api<Contract>(`/api/v1/staff/${personId}/contracts`, { method: 'POST', body }),
  );
export const useTerminateContract = () =>
  useStaffMutation(({ id, ...body }: { id: number; on: string; reason: string }) =>
    api<Contract>(`/api/v1/contracts/${id}/terminate`, { method: 'POST', body }),
  );
export const useAddInsurance = (personId: number) =>
  useStaffMutation((body: { insuranceNumber: string; startsOn: string; endsOn: string | null }) =>
    api<InsurancePeriod>(`/api/v1/staff/${personId}/insurance`, { method: 'POST', body }),
  );
export const useEndInsurance = () =>
  useStaffMutation(({ id, endsOn }: { id: number; endsOn: string }) =>
    api<InsurancePeriod>(`/api/v1/insurance-periods/${id}/end`, { method: 'POST', body: { endsOn } }),
  );
export const useUpdateProfile = (personId: number) =>
  useStaffMutation(
    (body: { educationLevel: string | null; educationField: string | null; insuranceNumber: string | null }) =>
      api<StaffRecord>(`/api/v1/staff/${personId}/profile`, { method: 'PUT', body }),
  );

/** The photo goes as the raw image body (the server judges its type by content). */
export const useUploadPhoto = (personId: number) =>
  useStaffMutation((file: File) =>
    call('operators.uploadPhoto', {
      params: { id: personId },
      file,
      mediaType: file.type === 'image/png' ? 'image/png' : 'image/jpeg',
    }),
  );
