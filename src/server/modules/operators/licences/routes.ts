/** HTTP routes of activity licences: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { licencesContract } from '#server/modules/operators/contract';
import * as licences from './service';

export function licenceRoutes(app: Api, ctx: AppContext) {
  implement(app, licencesContract, {
    licences: ({ actor, query }) => licences.listLicences(ctx, actor, query),
    ownLicences: ({ actor }) => licences.ownLicences(ctx, actor),
    licence: ({ actor, params }) => licences.getLicence(ctx, actor, params.id),
    eligibility: ({ actor, params, query }) => licences.eligibility(ctx, actor, params.id, query.officeId),
    issueLicence: ({ actor, body }) => licences.issueLicence(ctx, actor, body),
    widenLicence: ({ actor, params, body }) => licences.widenLicence(ctx, actor, params.id, body.serviceCodes),
    renewLicence: ({ actor, params }) => licences.renewLicence(ctx, actor, params.id),
    suspendLicence: ({ actor, params, body }) => licences.suspendLicence(ctx, actor, params.id, body),
    reinstateLicence: ({ actor, params, body }) => licences.reinstateLicence(ctx, actor, params.id, body ?? {}),
    revokeLicence: ({ actor, params, body }) => licences.revokeLicence(ctx, actor, params.id, body),
  });
}
