/** Types of bin/build-stamp.js (plain JavaScript, run by `npm start` before any TypeScript tooling). */
export const ROOT: string;
export const WEB_STAMP: string;
export const SERVER_STAMP: string;
export interface BuildStamp {
  startedAt: number;
  inputs: string[];
  outputs: string[];
}
export function isStale(stampFile: string): boolean;
export function writeStamp(stampFile: string, stamp: BuildStamp): void;
