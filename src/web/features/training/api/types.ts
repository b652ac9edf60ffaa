/** The training and exams shapes, taken from the server's schemas so they never drift. */
import type { z } from 'zod';
import type {
  courseBody,
  courseSchema,
  myTrainingResponse,
  sessionDetailResponse,
  sessionSchema,
} from '#server/modules/operators/training/schemas';
import type {
  attemptSchema,
  examBody,
  examSchema,
  questionBody,
  questionSchema,
  resultSchema,
} from '#server/modules/operators/exams/schemas';

export type Course = z.infer<typeof courseSchema>;
export type CourseInput = z.input<typeof courseBody>;
export type CourseSession = z.infer<typeof sessionSchema>;
export type SessionDetail = z.infer<typeof sessionDetailResponse>;
export type MyTraining = z.infer<typeof myTrainingResponse>;
export type Exam = z.infer<typeof examSchema>;
export type ExamInput = z.input<typeof examBody>;
export type BankQuestion = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionBody>;
export type ExamAttempt = z.infer<typeof attemptSchema>;
export type ExamResult = z.infer<typeof resultSchema>;
export interface SessionInput {
  courseId: number;
  provinceId: number | null;
  startsOn: string;
  endsOn: string;
  capacity: number;
  location: string;
}
