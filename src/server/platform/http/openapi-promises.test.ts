import { describe, expect, it } from 'vitest';
import { openApiPromises } from './openapi-promises';

describe('openApiPromises', () => {
  const doc = {
    components: {
      schemas: {
        Item: {
          type: 'object',
          properties: { code: { type: 'string' }, note: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
          required: ['code'],
        },
      },
    },
    paths: {
      '/api/v1/things/{id}': {
        get: {
          parameters: [
            { in: 'path', name: 'id', required: true, schema: { type: 'integer' } },
            { in: 'query', name: 'q', schema: { type: 'string' } },
          ],
          responses: {
            200: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } },
                    required: ['items'],
                  },
                },
              },
            },
            204: {},
          },
        },
      },
    },
  };

  it('lists the operation, its parameters and every response field with its type and requiredness', () => {
    expect(openApiPromises(doc)).toEqual([
      'GET /api/v1/things/{id}',
      'GET /api/v1/things/{id} path.id: integer required',
      'GET /api/v1/things/{id} query.q: string',
      'GET /api/v1/things/{id} response.200(application/json).items: array required',
      'GET /api/v1/things/{id} response.200(application/json).items[].code: string required',
      'GET /api/v1/things/{id} response.200(application/json).items[].note: string',
      'GET /api/v1/things/{id} response.200(application/json).items[].note: union',
      'GET /api/v1/things/{id} response.200(application/json).items[].note|null',
      'GET /api/v1/things/{id} response.200(application/json).items[]: object required',
      'GET /api/v1/things/{id} response.200(application/json): object required',
      'GET /api/v1/things/{id} response.204',
    ]);
  });

  it('reports a $ref to a schema the document does not hold', () => {
    const broken = {
      paths: {
        '/x': {
          get: {
            responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Gone' } } } } },
          },
        },
      },
    };
    expect(openApiPromises(broken)).toContain('dangling $ref #/components/schemas/Gone');
  });
});
