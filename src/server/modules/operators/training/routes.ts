/** HTTP routes of training: each endpoint of its contract, parsed input in, a use case called, its answer out. */
import type { AppContext } from '#server/platform/context';
import type { Api } from '#server/platform/http/api';
import { implement } from '#server/platform/http/implement';
import { trainingContract } from '#server/modules/operators/contract';
import * as training from './service';

export function trainingRoutes(app: Api, ctx: AppContext) {
  implement(
    app,
    trainingContract,
    {
      courses: ({ actor, query }) => training.listCourses(ctx, actor, query),
      createCourse: ({ actor, body }) => training.createCourse(ctx, actor, body),
      updateCourse: ({ actor, params, body }) => training.updateCourse(ctx, actor, params.id, body),
      sessions: ({ actor, query }) => training.listSessions(ctx, actor, query),
      session: ({ actor, params }) => training.getSession(ctx, actor, params.id),
      createSession: ({ actor, body }) => training.createSession(ctx, actor, body),
      enrol: ({ actor, params, body }) => training.enrol(ctx, actor, params.id, body),
      async cancelEnrolment({ actor, params }) {
        await training.cancelEnrolment(ctx, actor, params.id, params.userId);
        return null;
      },
      recordAttendance: ({ actor, params, body }) => training.recordAttendance(ctx, actor, params.id, body),
      myTraining: ({ actor }) => training.myTraining(ctx, actor),
    },
    {
      setup(scope) {
        // Enrolling oneself needs nothing in the body: an empty request means "me".
        scope.addHook('preValidation', (req, _reply, done) => {
          if (req.method === 'POST' && req.routeOptions.schema?.operationId === 'operators.enrol') req.body ??= {};
          done();
        });
      },
    },
  );
}
