// The feedback survey in progress: a sealed session cookie on /feedback (survey-cookie.server.ts).
import { surveyCookie, type SurveyInProgress } from './survey-cookie.server';

const feedback = surveyCookie('rj_feedback', '/feedback', 'feedback-cookie');

export type FeedbackInProgress = SurveyInProgress;
export const readFeedback = (request: Request, now?: number) => feedback.read(request, now);
export const writeFeedback = (f: FeedbackInProgress, now?: number) => feedback.write(f, now);
export const clearFeedback = () => feedback.clear();
