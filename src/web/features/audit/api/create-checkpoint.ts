import { useMutation } from '@tanstack/react-query';
import { call, type CallResult } from '#web/app/api-client.ts';

type AuditCheckpoint = CallResult<'platform.auditCheckpoint'>;

/** Saves a signed checkpoint as a file the browser downloads (kept outside the database). */
function download(checkpoint: AuditCheckpoint): void {
  const blob = new Blob([`${JSON.stringify(checkpoint)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `audit-checkpoint-${checkpoint.seq}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Signs the audit chain's head on the server (also appended to its file and sent to the regulator) and downloads it. */
export function useCreateCheckpoint() {
  return useMutation({
    mutationFn: () => call('platform.auditCheckpoint'),
    onSuccess: download,
  });
}
