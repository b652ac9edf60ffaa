/**
 * The identity area's endpoints: signing in and out (staff with a password, citizens with a
 * one-time code), the signed-in person, staff accounts, and a citizen's own profile (see
 * platform/http/contract.ts). The sign-ins set the session cookies and count against the
 * per-address sign-in limit (routes.ts).
 */
import { z } from 'zod';
import { areaContract, endpoint } from '#server/platform/http/contract';
import {
  citizenCodeBody,
  citizenCodeResponse,
  citizenProfileSchema,
  citizenSignInBody,
  createStaffBody,
  idParams,
  meSchema,
  resetPasswordBody,
  signedInResponse,
  staffListQuery,
  staffMemberSchema,
  staffPage,
  staffSignInBody,
} from './schemas';

export const identityContract = areaContract('identity', {
  staffSignIn: endpoint({
    method: 'POST',
    path: '/api/v1/auth/staff/login',
    access: 'public',
    summary: 'Staff sign-in with username and password',
    body: staffSignInBody,
    response: signedInResponse,
    problems: ['invalid_credentials', 'account_locked', 'rate_limited'],
  }),
  citizenCode: endpoint({
    method: 'POST',
    path: '/api/v1/auth/citizen/otp',
    access: 'public',
    summary: "Send a sign-in code to a citizen's mobile",
    body: citizenCodeBody,
    status: 202,
    response: citizenCodeResponse,
    problems: ['otp_too_soon', 'rate_limited'],
  }),
  citizenSignIn: endpoint({
    method: 'POST',
    path: '/api/v1/auth/citizen/login',
    access: 'public',
    summary: 'Citizen sign-in with mobile and one-time code',
    body: citizenSignInBody,
    response: signedInResponse,
    problems: ['invalid_code', 'account_locked', 'rate_limited'],
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    access: 'signed-in',
    summary: 'Sign out (ends the session)',
    status: 204,
    response: z.null(),
    problems: ['csrf_failed'],
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/v1/auth/me',
    access: 'signed-in',
    summary: 'The signed-in user with roles and scopes',
    response: z.object({ user: meSchema }),
  }),
  users: endpoint({
    method: 'GET',
    path: '/api/v1/users',
    access: 'users.list',
    summary: "Staff within the caller's scope",
    query: staffListQuery,
    response: staffPage,
    problems: ['not_found'],
  }),
  createUser: endpoint({
    method: 'POST',
    path: '/api/v1/users',
    access: 'users.create',
    summary: 'Create a staff account with one role in a scope',
    body: createStaffBody,
    status: 201,
    response: z.object({ user: staffMemberSchema }),
    problems: ['role_not_assignable', 'username_taken'],
  }),
  setPassword: endpoint({
    method: 'POST',
    path: '/api/v1/users/:id/password',
    access: 'users.reset-password',
    summary: "Set a staff member's password",
    params: idParams,
    body: resetPasswordBody,
    status: 204,
    response: z.null(),
    problems: ['not_found'],
  }),
  ownProfile: endpoint({
    method: 'GET',
    path: '/api/v1/citizens/me',
    access: 'citizens.read-own',
    summary: "The signed-in citizen's own e-account profile",
    response: citizenProfileSchema,
    problems: ['not_found'],
  }),
});
