// The equality questions in progress: a sealed session cookie on /equality (survey-cookie.server.ts).
import { surveyCookie } from './survey-cookie.server';

export const equalityCookie = surveyCookie('rj_equality', '/equality', 'equality-cookie');
